reglint lint -f gcc --select RL4010 RL4010-bad.reg RL4010-good.reg
