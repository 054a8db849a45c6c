reglint lint -f gcc --select RL3016 --target windows-10 RL3016-bad.reg RL3016-good.reg
