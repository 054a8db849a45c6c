reglint lint -f gcc --select RL4011 RL4011-bad.reg RL4011-good.reg
