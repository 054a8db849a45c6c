reglint lint -f gcc --select RL4009 RL4009-bad.reg RL4009-good.reg
