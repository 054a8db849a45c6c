reglint gen extends-file.profile --encoding utf8
