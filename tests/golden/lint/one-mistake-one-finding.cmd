reglint lint -f gcc --target windows-server-2019 one-mistake-one-finding.reg
