reglint convert values.reg --to lgpo | reglint show -
