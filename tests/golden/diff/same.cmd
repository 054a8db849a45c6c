reglint diff old.reg old.reg
