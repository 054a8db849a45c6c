profile "suite-rules" {
  target windows-server-2022
  cipher-suites require forward-secrecy tls1.3-first
  cipher-suites forbid cbc
}
