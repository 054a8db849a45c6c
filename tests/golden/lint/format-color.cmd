reglint lint --color always --select RL4001,RL5001 formats.reg
