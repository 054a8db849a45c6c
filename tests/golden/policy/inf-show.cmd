reglint show template.inf
