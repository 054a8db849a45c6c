reglint lint -f gcc --select RL0,RL4 RL0002-bad.reg RL0002-good.reg
