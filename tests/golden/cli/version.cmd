reglint --version
