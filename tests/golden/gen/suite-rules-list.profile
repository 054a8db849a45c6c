profile "suite-rules-list" {
  target windows-server-2022
  protocol tls1.0 tls1.1 disable
  cipher-suites require forward-secrecy tls1.3-first
  cipher-suites forbid TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
  cipher-suites TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_AES_256_GCM_SHA384
    TLS_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
}
