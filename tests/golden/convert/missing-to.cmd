reglint convert all-kinds.reg
