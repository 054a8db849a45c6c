reglint diff old.reg
