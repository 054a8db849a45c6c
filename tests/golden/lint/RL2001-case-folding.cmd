reglint lint -f gcc --select RL2001 RL2001-case-folding.reg
