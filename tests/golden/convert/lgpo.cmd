reglint convert values.reg --to lgpo --encoding utf8
