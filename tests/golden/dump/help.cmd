reglint dump --help
