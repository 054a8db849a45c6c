reglint lint --color never formats.reg
