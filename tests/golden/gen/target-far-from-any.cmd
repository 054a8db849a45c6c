reglint gen tls12-only --target macos-14
