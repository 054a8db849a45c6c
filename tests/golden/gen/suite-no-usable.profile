profile "suite-no-usable" {
  target windows-server-2022
  protocol tls1.2 enable
  cipher-suites forbid cbc
  cipher-suites TLS_AES_256_GCM_SHA384 TLS_AES_128_GCM_SHA256
}
