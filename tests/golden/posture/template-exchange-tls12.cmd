reglint gen exchange-tls12 | reglint posture --target windows-server-2012-r2 -
