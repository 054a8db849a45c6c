reglint diff --target windows-server-2022 deletes-old.reg deletes-new.reg
