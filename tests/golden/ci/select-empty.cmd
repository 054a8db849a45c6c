reglint lint --select "" review.reg; reglint lint --select= review.reg; reglint lint --select , review.reg
