reglint rule wow64-mirror-missing
