reglint lint -f gcc --select RL4005 RL4005-local.reg RL4005-local-good.reg
