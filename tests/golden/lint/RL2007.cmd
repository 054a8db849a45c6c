reglint lint -f gcc --select RL2007 RL2007-bad.reg RL2007-good.reg
