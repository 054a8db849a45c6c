reglint lint -f gcc --select RL4017 RL4017-bad.reg RL4017-good.reg
