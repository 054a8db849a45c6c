reglint lint -f gcc --select RL4004 RL4004-bad.reg RL4004-good.reg
