reglint gen tls12-only --target windows-10 --format lgpo | reglint show -
