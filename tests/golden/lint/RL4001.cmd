reglint lint -f gcc --select RL4001 RL4001-bad.reg RL4001-good.reg
