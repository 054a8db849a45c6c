reglint gen exchange-tls12 | reglint dump -
