reglint lint -f gcc --select RL3012 RL3012-bad.reg RL3012-good.reg
