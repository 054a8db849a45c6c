reglint gen easyfix-kb3140245 --encoding utf8
