reglint lint -f gcc --select RL1005 RL1005-bad.reg RL1005-good.reg
