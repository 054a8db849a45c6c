reglint show utf16.reg
