reglint rule PF1001; reglint rule pf2006
