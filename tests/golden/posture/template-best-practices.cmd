reglint gen best-practices | reglint posture --target windows-server-2022 -
