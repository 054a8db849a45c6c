reglint diff binary-old.reg binary-new.reg
