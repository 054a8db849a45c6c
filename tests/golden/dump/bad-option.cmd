reglint dump --bogus utf16.reg
