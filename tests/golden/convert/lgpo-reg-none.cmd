reglint convert reg-none.reg --to lgpo
