reglint
