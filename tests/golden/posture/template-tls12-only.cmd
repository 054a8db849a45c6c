reglint gen tls12-only --target windows-server-2022 | reglint posture --target windows-server-2022 -
