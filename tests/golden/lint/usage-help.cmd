reglint lint --help
