reglint gen strict | reglint posture --target windows-server-2022 -
