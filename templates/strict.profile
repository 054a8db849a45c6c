# Stricter than best-practices, in the spirit of the IIS Crypto "Strict"
# template: forward secrecy and AEAD only, no SHA-1, larger DH groups. Old
# clients (anything without ECDHE or GCM) will not connect. Windows Server
# 2008 SP2 has none of these suites: gen refuses it there. Each change to
# best-practices cites docs/domain.md.
profile "strict" {
  extends "best-practices"
  description "Strict hardening: best-practices plus AEAD/forward-secrecy suites only, no SHA-1 hash, DH 3072"
  source "docs/domain.md §1.2, §1.4, §4.17; in the spirit of IIS Crypto's Strict"

  # §1.2, §4.17: disabling Hashes\SHA removes every *_SHA (SHA-1 MAC) suite;
  # the suite order below has none left to lose.
  hash sha1 disable

  # §1.2: advisory 3174644 lets administrators raise the DH minimum to 3072 (S30).
  key-exchange dh min-key-length 3072 client server

  # §1.4, §4.16: TLS 1.3 suites, then ECDHE and DHE with GCM only.
  cipher-suites
    TLS_AES_256_GCM_SHA384
    TLS_AES_128_GCM_SHA256
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
}
