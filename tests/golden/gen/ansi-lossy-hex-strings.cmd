reglint gen not-ansi-strings.profile --encoding ansi
