profile "fix-utf16" {
  target windows-server-2019
  cipher-suites TLS_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
  ecc-curves NistP384 curve25519
}
