reglint lint -f github formats.reg
