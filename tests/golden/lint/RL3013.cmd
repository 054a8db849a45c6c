reglint lint -f gcc --target windows-11 --select RL3013 RL3013-bad.reg RL3013-good.reg
