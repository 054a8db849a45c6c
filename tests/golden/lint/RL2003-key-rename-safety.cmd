reglint lint --select RL2003 RL2003-key-rename-safety.reg
