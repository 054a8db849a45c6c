reglint dump empty.reg
