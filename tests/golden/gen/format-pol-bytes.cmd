reglint gen ms12-006-split-off --format pol | od -An -tx1 -v
