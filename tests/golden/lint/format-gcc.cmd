reglint lint -f gcc formats.reg
