reglint convert all-kinds.reg --to gpp
