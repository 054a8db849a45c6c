reglint posture --target windows-2000 baseline.reg
