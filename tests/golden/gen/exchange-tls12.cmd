reglint gen exchange-tls12
