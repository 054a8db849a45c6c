profile "suite-names" {
  target windows-11
  cipher-suites TLS_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA348
}
