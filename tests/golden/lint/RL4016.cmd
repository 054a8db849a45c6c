reglint lint -f gcc --select RL4016 RL4016-bad.reg RL4016-good.reg
