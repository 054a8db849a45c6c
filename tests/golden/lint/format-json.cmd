reglint lint -f json formats.reg
