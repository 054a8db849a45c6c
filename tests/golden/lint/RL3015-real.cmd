reglint lint -f gcc --select RL3015 RL3015-tls11-only.reg ../../corpus/real/023_vadim-enable-tls12-only.reg
