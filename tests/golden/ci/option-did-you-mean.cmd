reglint lint --fial-on error review.reg; reglint lint --selct=RL4 review.reg; reglint --colour never review.reg
