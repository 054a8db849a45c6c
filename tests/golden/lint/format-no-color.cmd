NO_COLOR=1 reglint lint --color auto --select RL5001 formats.reg
