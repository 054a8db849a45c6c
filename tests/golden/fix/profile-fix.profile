profile "fix" {
  target windows-server-2019
  protocol tls1.0 tls1.1 disable
  winhttp default-secure-protocols tls1.2
  cipher-suites TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
}
