reglint posture --target windows-server-2019 ../../corpus/real/021_reemdemo-tls11-tls12-utf16.reg
