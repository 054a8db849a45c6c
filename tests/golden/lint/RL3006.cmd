reglint lint -f gcc --select RL3006 RL3006-bad.reg RL3006-good.reg
