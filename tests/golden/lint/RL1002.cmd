reglint lint -f gcc --select RL1002 RL1002-bad.reg RL1002-good.reg
