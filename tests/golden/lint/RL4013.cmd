reglint lint -f gcc --select RL4013 RL4013-bad.reg RL4013-good.reg
