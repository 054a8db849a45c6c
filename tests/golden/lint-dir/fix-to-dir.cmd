reglint lint --fix-to out.reg tree
