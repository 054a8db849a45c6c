reglint gen meaning-errors.profile
