reglint lint -f gcc --select RL3003 RL3003-bad.reg RL3003-good.reg
