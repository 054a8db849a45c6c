reglint rule RL3001
