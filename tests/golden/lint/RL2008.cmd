reglint lint -f gcc --select RL2008 RL2008-bad.reg RL2008-good.reg
