reglint lint -f gcc --select RL4015 RL4015-bad.reg RL4015-good.reg
