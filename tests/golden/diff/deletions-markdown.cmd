reglint diff -f markdown deletes-old.reg deletes-new.reg
