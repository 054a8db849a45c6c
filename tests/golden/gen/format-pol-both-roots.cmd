reglint gen easyfix-kb3140245 --format pol
