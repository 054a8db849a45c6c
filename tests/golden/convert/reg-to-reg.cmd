reglint convert all-kinds.reg --to reg | reglint show -
