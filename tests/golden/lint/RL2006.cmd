reglint lint -f gcc --select RL2006 RL2006-bad.reg RL2006-good.reg
