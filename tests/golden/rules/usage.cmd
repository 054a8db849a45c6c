reglint rule
