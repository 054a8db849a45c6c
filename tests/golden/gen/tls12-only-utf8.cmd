reglint gen tls12-only --target windows-server-2022 --encoding utf8
