reglint diff old.reg new-utf8.reg old.reg
