reglint --help
