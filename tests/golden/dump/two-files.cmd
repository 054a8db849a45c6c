reglint dump a.reg b.reg
