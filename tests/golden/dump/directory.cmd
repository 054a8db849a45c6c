reglint dump .
