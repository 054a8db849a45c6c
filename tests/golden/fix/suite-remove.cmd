reglint lint --diff --unsafe-fixes --select RL3016 --target windows-10 suite-remove.reg
