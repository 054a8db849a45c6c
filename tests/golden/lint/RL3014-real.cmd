reglint lint -f gcc --select RL3014 ../../corpus/real/005_ieaddons-tls13.reg
