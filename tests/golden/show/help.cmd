reglint show --help
