reglint fmt --check tls.pol
