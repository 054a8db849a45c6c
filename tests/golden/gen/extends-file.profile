# A file that extends a built-in template and overrides it.
profile "extends-file" {
  extends "tls12-only"
  arch x86
  protocol tls1.1 default
  winhttp default-secure-protocols tls1.1 tls1.2
}
