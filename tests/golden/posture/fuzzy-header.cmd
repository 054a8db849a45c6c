reglint posture --target windows-11 fuzzy-header.reg
