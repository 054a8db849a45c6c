reglint show nothing.reg
