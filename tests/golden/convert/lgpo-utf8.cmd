reglint convert values.reg --to lgpo --encoding utf8 | od -c | head -n 3
