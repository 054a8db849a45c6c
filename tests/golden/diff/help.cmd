reglint diff --help
