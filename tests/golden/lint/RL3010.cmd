reglint lint -f gcc --select RL3010 --target windows-server-2019 RL3010-bad.reg RL3010-good.reg
