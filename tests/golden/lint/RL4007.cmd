reglint lint -f gcc --select RL4007 RL4007-bad.reg RL4007-good.reg
