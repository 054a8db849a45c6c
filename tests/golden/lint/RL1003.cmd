reglint lint -f gcc --select RL1003 RL1003-bad.reg RL1003-good.reg
