reglint lint -f gcc --select RL1010 RL1010-bad.reg RL1010-good.reg
