reglint lint -f gcc --select RL1009 RL1009-bad.reg RL1009-good.reg
