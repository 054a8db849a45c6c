reglint gen easyfix-kb3140245 | reglint posture --target windows-7-sp1 -
