reglint gen best-practices
