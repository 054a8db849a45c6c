reglint gen exchange-tls12 --format gpp
