reglint lint -f gcc --select RL1001 RL1001-bad.reg RL1001-good.reg
