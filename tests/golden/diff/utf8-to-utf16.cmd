reglint diff --target windows-10 old.reg new-utf16.reg
