reglint diff --target windows-10 -f markdown wow64-old.reg wow64-new.reg
