reglint lint -f gcc --select RL1011 RL1011-bad.reg RL1011-good.reg
