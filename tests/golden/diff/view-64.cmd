reglint diff --target windows-10 wow64-old.reg wow64-new.reg
