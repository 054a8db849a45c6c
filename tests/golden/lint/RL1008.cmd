reglint lint -f gcc --select RL1008 RL1008-bad.reg RL1008-good.reg
