reglint lint -f gcc --select RL4005 RL4005-bad.reg RL4005-good.reg
