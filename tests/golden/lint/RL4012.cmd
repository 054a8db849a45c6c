reglint lint -f gcc --select RL4012 RL4012-bad.reg RL4012-good.reg
