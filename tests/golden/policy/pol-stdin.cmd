reglint dump - < tls.pol
