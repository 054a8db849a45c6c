profile "meaning-errors" {
  target windows-12
  arch arm64
  protocol tls12 enable
  protocol tls1.0 enable clinet
  protocol tls1.1 enable
  protocol tls1.1 disable
  winhttp default-secure-protocols dtls1.2
  dotnet strong-crypto maybe
  cipher md5 disable
  hash sha-256 disable
  key-exchange pkcs min-key-length 2048 server
  key-exchange dh min-key-length 1000
  cipher-suites TLS_AES_256_GCM_SHA384 TLS-BAD
  send-extra-record 3
  extends "best-practises"
  lint { fail-on sometimes  select RL9  severity RL4001 = eror }
  value "x" dword 1
}
