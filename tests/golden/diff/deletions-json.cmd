reglint diff -f json deletes-old.reg deletes-new.reg
