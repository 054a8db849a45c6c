reglint lint -f gcc --select RL1007 RL1007-bad.reg RL1007-good.reg
