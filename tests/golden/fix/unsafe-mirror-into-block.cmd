reglint lint --diff --unsafe-fixes --select RL3004 mirror-block.reg
