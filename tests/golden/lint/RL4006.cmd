reglint lint -f gcc --select RL4006 RL4006-bad.reg RL4006-good.reg
