reglint dump ansi.reg
