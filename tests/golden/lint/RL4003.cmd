reglint lint -f gcc --select RL4003 RL4003-bad.reg RL4003-good.reg
