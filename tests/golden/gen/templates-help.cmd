reglint templates --help
