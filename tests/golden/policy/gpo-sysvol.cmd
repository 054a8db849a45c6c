reglint show sysvol && reglint lint -f gcc sysvol
