reglint diff --target windows-server-2022 ../../corpus/real/012_natthasath-enable-tls13-noblank.reg ../../corpus/real/013_natthasath-disable-tls13-delete.reg
