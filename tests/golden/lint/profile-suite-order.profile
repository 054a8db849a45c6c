profile "suite-order" {
  target windows-server-2022
  cipher-suites TLS_AES_256_GCM_SHA384 TLS_AES_128_GCM_SHA256
                TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
  ecc-curves curve25519 NistP256 NistP384
}
