reglint gen tls12only
