reglint lint -f gcc --target windows-11 --select RL3014 RL3014-bad.reg RL3014-good.reg
