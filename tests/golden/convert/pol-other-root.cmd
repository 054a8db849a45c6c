reglint convert other-root.reg --to pol
