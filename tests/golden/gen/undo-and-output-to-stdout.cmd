reglint gen tls12-only --undo - -o -
