reglint templates
