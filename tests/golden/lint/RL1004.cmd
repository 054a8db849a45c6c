reglint lint -f gcc --select RL1004 RL1004-bad.reg RL1004-good.reg
