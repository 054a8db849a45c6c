reglint lint -f gcc --select RL3017 RL3017-bad.reg RL3017-good.reg
