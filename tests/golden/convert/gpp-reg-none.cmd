reglint convert reg-none.reg --to gpp
