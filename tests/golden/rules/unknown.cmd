reglint rule RL3100
