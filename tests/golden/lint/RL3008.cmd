reglint lint -f gcc --select RL3008 --target windows-server-2019 RL3008-bad.reg RL3008-good.reg
