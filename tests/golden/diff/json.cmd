reglint diff -f json old.reg new-utf8.reg
