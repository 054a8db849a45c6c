reglint lint -f gcc --select RL3018 RL3018-bad.reg RL3018-good.reg
