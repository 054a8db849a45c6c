reglint gen best-practices; reglint gen tls12-only --target windows-12; reglint gen tls12-only --target windows-server-2019 --encoding utf8; reglint gen tls12-only --target windows-11 --encoding utf8
