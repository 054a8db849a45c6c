reglint dump template-utf8-invalid.inf
