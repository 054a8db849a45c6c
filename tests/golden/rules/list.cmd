reglint rules
