reglint lint --target windows-server-2091 formats.reg
