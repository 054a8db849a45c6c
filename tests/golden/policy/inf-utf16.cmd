reglint dump template-utf16.inf
