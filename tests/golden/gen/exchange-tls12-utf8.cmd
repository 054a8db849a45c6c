reglint gen exchange-tls12 --encoding utf8
