reglint posture -f markdown --target windows-server-2019 baseline.reg change.reg
