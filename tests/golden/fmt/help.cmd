reglint fmt --help
