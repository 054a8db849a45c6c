reglint gen best-practices --target windows-server-2022
