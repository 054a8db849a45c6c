reglint convert other-root.reg --to gpp
