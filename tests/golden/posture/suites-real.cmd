reglint posture --target windows-server-2019 ../../corpus/real/032_nishtha-cipher-suite-policy-weak.reg ../../corpus/real/037_joesantoro-disable-weak-ciphers.reg
