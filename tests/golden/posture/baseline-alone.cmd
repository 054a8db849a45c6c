reglint posture --target windows-10 baseline.reg
