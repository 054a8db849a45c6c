# One of every directive, for gen then dump.
profile "every-directive" {
  description "every directive once"
  source "tests"
  target windows-server-2022
  arch x64
  protocol tls1.3 tls1.2 enable
  protocol tls1.0 disable server
  protocol ssl3 default client
  winhttp default-secure-protocols tls1.2 tls1.3
  wininet secure-protocols tls1.2 scope policy
  dotnet strong-crypto on system-default-tls-versions off versions v4
  cipher "RC4 128/128" 3des-168 disable
  cipher aes-256 enable
  hash md5 default
  key-exchange ecdh enable
  key-exchange dh min-key-length 3072 server
  key-exchange pkcs max-key-length 8192
  cipher-suites TLS_AES_256_GCM_SHA384 "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
  ecc-curves NistP384 curve25519
  send-extra-record 1
  key "HKLM\SOFTWARE\Contoso\App" {
    value "UseTls12" dword 0x1
    value "Big" qword 0x0123456789abcdef
    value "Blob" binary "de,ad be ef"
    value "Old" delete
  }
  key "HKCU\Software\Contoso\Empty" { }
  lint {
    fail-on warning
    select RL3 RL4
    ignore RL5001 weak-hash-enabled
    severity RL4001 RL4002 = info
  }
}
