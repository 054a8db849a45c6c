reglint dump utf16.reg
