reglint gen --help
