reglint lint --target windows-11 --diff --unsafe-fixes --select RL3014 RL3014-bad.reg
