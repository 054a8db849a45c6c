reglint lint -f gcc --select RL3013 --target windows-11 ../../corpus/real/039_lizbot-disable-tls13.reg
