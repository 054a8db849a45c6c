reglint gen server-2008-tls11-tls12
