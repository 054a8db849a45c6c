reglint lint -f gcc --select RL4014 RL4014-bad.reg RL4014-good.reg
