reglint rules RL4 unused-suppression; reglint rules PF1; reglint rules XX
