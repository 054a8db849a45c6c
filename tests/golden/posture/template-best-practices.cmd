reglint gen best-practices --target windows-server-2022 | reglint posture --target windows-server-2022 -
