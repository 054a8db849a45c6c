reglint lint -f gcc --select RL3001 RL3001-bad.reg RL3001-good.reg
