reglint lint --select RL2003 RL2003-rename-safety.reg
