reglint gen strict --target windows-server-2022
