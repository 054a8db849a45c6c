reglint gen ms12-006-split-off --encoding utf8
