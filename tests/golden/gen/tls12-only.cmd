reglint gen tls12-only
