reglint lint -f gcc --select RL2005 RL2005-places.reg
