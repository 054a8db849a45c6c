reglint lint tree
