reglint posture --target windows-server-2012-r2 ../../corpus/real/017_ahsan-enable-tls12-dotnet.reg ../../corpus/real/018_leitoxa-enable-tls12-2012.reg
