reglint gen ms12-006-split-off
