reglint gen syntax-error.profile
