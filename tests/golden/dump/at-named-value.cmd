reglint dump at-named-value.reg
