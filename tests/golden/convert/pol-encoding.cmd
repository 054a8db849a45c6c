reglint convert all-kinds.reg --to pol --encoding utf8
