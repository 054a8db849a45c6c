reglint lint -f gcc --select RL3011 RL3011-bad.reg RL3011-good.reg
