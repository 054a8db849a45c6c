reglint lint -f gcc --select RL3008 RL3008-bad.reg RL3008-good.reg
