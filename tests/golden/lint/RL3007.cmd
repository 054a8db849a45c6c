reglint lint -f gcc --select RL3007 RL3007-bad.reg RL3007-good.reg
