profile "enables" {
  target windows-server-2022
  protocol tls1.1 enable
  winhttp default-secure-protocols tls1.1 tls1.2
}
