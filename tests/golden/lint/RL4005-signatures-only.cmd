reglint lint -f gcc --select RL4005 RL4005-signatures-only.reg
