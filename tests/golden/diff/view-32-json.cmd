reglint diff --target windows-10 --view 32 -f json wow64-old.reg wow64-new.reg
