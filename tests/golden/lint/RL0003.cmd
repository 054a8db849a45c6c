reglint lint -f gcc --select RL0,RL4 RL0003-bad.reg RL0003-good.reg; reglint lint --select RL0 RL0003-bad.reg | head -n 5
