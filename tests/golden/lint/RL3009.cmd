reglint lint -f gcc --select RL3009 RL3009-bad.reg RL3009-good.reg
