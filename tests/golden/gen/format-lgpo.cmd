reglint gen tls12-only --target windows-10 --format lgpo --encoding utf8
