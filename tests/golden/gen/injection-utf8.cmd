reglint gen injection.profile --encoding utf8
