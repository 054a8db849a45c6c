reglint lint --select RL99 formats.reg
