reglint lint -f gcc --select RL3013 RL3013-bad.reg; reglint lint -f gcc --target windows-server-2019 --select RL3013 RL3013-bad.reg
