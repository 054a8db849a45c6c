reglint posture --format json --target windows-server-2022 baseline.reg change.reg
