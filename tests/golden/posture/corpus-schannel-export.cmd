reglint posture --target windows-server-2016 ../../corpus/real/007_pssssl-schannel-export.reg
