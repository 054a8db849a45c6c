reglint dump --root user tls.pol
