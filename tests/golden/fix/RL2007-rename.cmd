reglint lint --diff --select RL2007 ../lint/RL2007-fix.reg
