FORCE_COLOR=1 reglint lint --select RL5001 formats.reg
