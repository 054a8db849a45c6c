reglint gen ms12-006-split-default --encoding utf8
