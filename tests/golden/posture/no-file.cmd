reglint posture --target windows-10
