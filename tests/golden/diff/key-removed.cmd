reglint diff --target windows-11 new-utf8.reg old.reg
