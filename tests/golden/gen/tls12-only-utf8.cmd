reglint gen tls12-only --encoding utf8
