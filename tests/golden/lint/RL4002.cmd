reglint lint -f gcc --select RL4002 RL4002-bad.reg RL4002-good.reg
