reglint dump case-folding.reg
