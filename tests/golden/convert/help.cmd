reglint convert --help
