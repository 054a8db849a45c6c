reglint diff old.reg no-such.reg
