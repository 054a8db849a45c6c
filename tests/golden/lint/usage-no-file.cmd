reglint lint
