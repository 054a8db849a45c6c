reglint diff --format markdown --target windows-server-2019 old.reg new-utf16.reg
