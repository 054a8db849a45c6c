reglint lint -fgcc -j1 --select RL2003 review.reg
