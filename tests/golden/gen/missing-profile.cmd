reglint gen
