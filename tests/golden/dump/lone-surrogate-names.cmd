reglint dump lone-surrogate-names.reg
