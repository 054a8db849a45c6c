reglint diff --target windows-10 new-utf16.reg new-utf8.reg
