profile "suite-rules-bad" {
  cipher-suites require forward-secrecy aed
  cipher-suites forbid TLS_RSA_WITH_AES_256_CBC_SHAA
  cipher-suites forbid
}
