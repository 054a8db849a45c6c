reglint gen easyfix-kb3140245 | reglint dump -
