reglint gen server-2008-tls11-tls12 | reglint posture --target windows-server-2008-sp2 -
