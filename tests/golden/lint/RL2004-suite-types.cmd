reglint lint --select RL2004 RL2004-suite-types.reg
