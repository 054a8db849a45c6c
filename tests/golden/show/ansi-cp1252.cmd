reglint show ansi.reg
