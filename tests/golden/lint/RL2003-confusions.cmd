reglint lint -f gcc --select RL2003 RL2003-confusions.reg
