reglint lint -f gcc --select RL3015 RL3015-bad.reg RL3015-good.reg
