reglint --help >/dev/full
