reglint lint -f gcc --select RL1006 RL1006-bad.reg RL1006-good.reg
