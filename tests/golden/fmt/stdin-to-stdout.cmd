reglint fmt - <messy.reg
