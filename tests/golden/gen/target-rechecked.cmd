reglint gen every-directive.profile --target windows-server-2019; reglint gen tls13-on-2019.profile --target windows-server-2022 --encoding utf8
