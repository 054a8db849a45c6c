reglint gen tls12-only --target windows-server-2019 | reglint diff --stdin-filename tls12-only.reg --target windows-server-2019 - ../../corpus/real/001_racetracks-tls12-hardening.reg
