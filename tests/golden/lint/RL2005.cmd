reglint lint -f gcc --select RL2005 RL2005-bad.reg RL2005-good.reg
