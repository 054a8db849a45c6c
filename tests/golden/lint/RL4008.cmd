reglint lint -f gcc --select RL4008 RL4008-bad.reg RL4008-good.reg
