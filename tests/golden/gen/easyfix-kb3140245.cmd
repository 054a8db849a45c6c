reglint gen easyfix-kb3140245
