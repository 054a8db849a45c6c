reglint gen tls12-only | reglint dump -
