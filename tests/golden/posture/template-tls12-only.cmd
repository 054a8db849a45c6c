reglint gen tls12-only | reglint posture --target windows-server-2022 -
