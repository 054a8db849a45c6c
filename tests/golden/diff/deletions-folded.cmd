reglint diff deletes-folded-old.reg deletes-folded-new.reg; reglint diff -f json deletes-folded-old.reg deletes-folded-new.reg
