profile "mirror-agrees" {
  target windows-server-2019
  winhttp default-secure-protocols tls1.0 tls1.1 tls1.2
}
