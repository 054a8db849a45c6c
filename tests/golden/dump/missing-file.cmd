reglint dump no-such-file.reg
