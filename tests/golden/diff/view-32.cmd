reglint diff --target windows-10 --view 32 wow64-old.reg wow64-new.reg
