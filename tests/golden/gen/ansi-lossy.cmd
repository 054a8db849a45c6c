reglint gen not-ansi.profile --encoding ansi
