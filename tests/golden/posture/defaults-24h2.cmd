reglint posture --target windows-11-24h2 change.reg
