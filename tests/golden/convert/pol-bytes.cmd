reglint convert one-value.reg --to pol | od -An -tx1 -v
