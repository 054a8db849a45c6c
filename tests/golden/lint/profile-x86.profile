profile "x86" {
  target windows-7-sp1
  arch x86
  winhttp default-secure-protocols tls1.1 tls1.2
}
