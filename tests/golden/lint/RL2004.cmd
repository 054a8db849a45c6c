reglint lint -f gcc --select RL2004 RL2004-bad.reg RL2004-good.reg
