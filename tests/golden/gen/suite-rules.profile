# What a reviewer means, not a list: gen writes the target's own order less
# what the rules and the profile's cipher settings rule out.
profile "suite-rules" {
  extends "tls12-only"
  cipher-suites require forward-secrecy tls1.3-first
  cipher-suites forbid cbc TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
  cipher "AES 128/128" disable
}
