reglint posture --target=windows-server-2025 ../../corpus/real/013_natthasath-disable-tls13-delete.reg baseline.reg
