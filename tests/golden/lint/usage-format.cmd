reglint lint -f xml formats.reg
