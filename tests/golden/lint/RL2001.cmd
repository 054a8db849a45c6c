reglint lint -f gcc --select RL2001 RL2001-bad.reg RL2001-good.reg
