reglint gen strict --target windows-server-2022 --encoding utf8
