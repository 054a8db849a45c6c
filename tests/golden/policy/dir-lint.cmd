reglint lint -f gcc .
