reglint lint --diff - < cascade.reg
