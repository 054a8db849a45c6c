reglint lint -f gcc --select RL3002 RL3002-bad.reg RL3002-good.reg
