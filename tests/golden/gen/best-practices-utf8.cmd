reglint gen best-practices --encoding utf8
