reglint lint -f gcc --fail-on none --select RL4001 formats.reg
