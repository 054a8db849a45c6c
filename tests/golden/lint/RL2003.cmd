reglint lint -f gcc --select RL2003 RL2003-bad.reg RL2003-good.reg
