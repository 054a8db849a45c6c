reglint lint -f gcc --select RL3004 RL3004-bad.reg RL3004-good.reg
