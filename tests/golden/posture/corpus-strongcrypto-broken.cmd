reglint posture --target windows-server-2012-r2 ../../corpus/real/036_granitedan-strongcrypto-broken.reg
