reglint gen every-directive.profile --encoding utf8
