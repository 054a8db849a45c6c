reglint lint -f gcc --select RL3019 RL3019-bad.reg RL3019-good.reg
