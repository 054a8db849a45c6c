reglint lint -f gcc --ignore RL4 suppress.reg
