reglint gen tls13-on-2019.profile
