# Protocol, cipher, hash, key exchange and cipher-suite hardening in the
# spirit of the IIS Crypto "Best Practices" template: nothing broken or
# deprecated, nothing that costs compatibility with current clients.
# Each choice cites docs/domain.md.
profile "best-practices" {
  description "Hardening for current Windows: TLS 1.2 and 1.3, AES, no MD5/RC4/3DES, DH 2048, AEAD-first suite order"
  source "docs/domain.md §1 to §5; in the spirit of IIS Crypto's Best Practices"
  arch x64

  # §1.1, §4.9: PCT 1.0, Multi-Protocol Unified Hello, SSL 2.0 and SSL 3.0 are
  # broken; TLS 1.0 and 1.1 are deprecated by Microsoft (S5). §5: disable =
  # Enabled 0 + DisabledByDefault 1, enable = Enabled 1 + DisabledByDefault 0,
  # both roles. TLS 1.3 stays at the OS default: enabling it before Windows 11
  # and Server 2022 is not a safe configuration (§1.1, S4).
  protocol pct1.0 mpuh ssl2 ssl3 tls1.0 tls1.1 disable client server
  protocol tls1.2 enable client server

  # §1.2: NULL, DES, RC2 and RC4 are broken, Triple DES is weak (Sweet32);
  # Microsoft's key names, "Triple DES 168" without "/168" (S14, S24).
  cipher null des-56 rc2-40 rc2-56-56 rc2-56 rc2-128 disable
  cipher rc4-40 rc4-56 rc4-64 rc4-128 "Triple DES 168" disable
  cipher aes-128 aes-256 enable

  # §1.2: MD5 off, as Exchange's guidance does (S14). SHA-1 stays: disabling
  # Hashes\SHA also disables every *_SHA CBC suite (§4.17).
  hash md5 disable
  hash sha1 sha256 sha384 sha512 enable

  # §1.2: DH with at least 2048-bit groups (advisory 3174644, S30; the
  # Windows 10 server default, S1). PKCS has no server minimum: the
  # certificate decides (S1).
  key-exchange dh ecdh pkcs enable
  key-exchange dh min-key-length 2048 client server
  key-exchange pkcs min-key-length 2048 client

  # §1.4: the policy list (one comma-separated REG_SZ, at most 1023
  # characters; S19, S20), AEAD and forward secrecy first, no RC4, 3DES, NULL,
  # EXPORT, DES or MD5 suites (§4.16), no curve suffixes (§1.4: curves come
  # from the curve order on Windows 10 and later).
  cipher-suites
    TLS_AES_256_GCM_SHA384
    TLS_AES_128_GCM_SHA256
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
    TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
    TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256
    TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
    TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA
    TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA
    TLS_RSA_WITH_AES_256_GCM_SHA384
    TLS_RSA_WITH_AES_128_GCM_SHA256
    TLS_RSA_WITH_AES_256_CBC_SHA256
    TLS_RSA_WITH_AES_128_CBC_SHA256
    TLS_RSA_WITH_AES_256_CBC_SHA
    TLS_RSA_WITH_AES_128_CBC_SHA

  # §1.4: the documented default curve order (S20), written so that it holds.
  ecc-curves curve25519 NistP256 NistP384

  # §4.11, §4.12: with TLS 1.0/1.1 off, .NET must use the OS's protocols and
  # strong crypto, in both registry views (§4.4, S11, S16).
  dotnet system-default-tls-versions on strong-crypto on versions v2 v4

  # §1.5, §3.2: WinHTTP TLS 1.2 and TLS 1.3 (0x2000, documented in S7's
  # DefaultSecureProtocols table), both views (S8). gen keeps only what the
  # target has: 0x2800 on Windows 11 and Server 2022 and later, 0x800
  # before; TLS 1.3 is never taken away where Windows has it.
  winhttp default-secure-protocols tls1.2 tls1.3
}
