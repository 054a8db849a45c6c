reglint lint -f gcc --select RL2002 RL2002-bad.reg RL2002-good.reg
