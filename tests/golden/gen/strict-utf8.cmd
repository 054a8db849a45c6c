reglint gen strict --encoding utf8
