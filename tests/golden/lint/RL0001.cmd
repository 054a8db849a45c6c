reglint lint -f gcc --select RL0,RL4 RL0001-bad.reg RL0001-good.reg
