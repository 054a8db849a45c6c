reglint posture --target windows-11 ../../corpus/real/002_racetracks-tls13.reg ../../corpus/real/038_lizbot-enable-tls13-by-deletion.reg
