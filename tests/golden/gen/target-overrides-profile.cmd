reglint gen server-2008-tls11-tls12 --target windows-server-2022 --encoding utf8 | head -3; reglint gen easyfix-kb3140245 --target windows-server-2008-r2-sp1 --encoding utf8 | head -3
