profile "tls13-on-2019" {
  target windows-server-2019
  protocol tls1.2 tls1.3 enable
}
