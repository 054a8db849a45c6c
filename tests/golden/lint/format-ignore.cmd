reglint lint -f gcc --ignore RL4,unknown-name formats.reg
