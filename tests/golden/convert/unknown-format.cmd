reglint convert all-kinds.reg --to adm
