reglint lint lgpo-empty-parse.txt; reglint show lgpo-empty-parse.txt
