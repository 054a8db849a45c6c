reglint lint -f gcc --select RL3005 RL3005-bad.reg RL3005-good.reg
