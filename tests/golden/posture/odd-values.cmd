reglint posture --target windows-11 odd-values.reg
