reglint lint template.inf
