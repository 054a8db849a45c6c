reglint templates --show tls12-only | head -n 12; reglint templates --show=strict | grep -c extends; reglint templates --show tls12-onl; reglint templates --show
