# TLS 1.2 only, for every component reglint knows.
#
# Sources (docs/domain.md): §5, Microsoft's pairs for enabling and disabling a
# protocol, written for both roles (S14, S15); §4 items 4 and 11, .NET
# SystemDefaultTlsVersions and SchUseStrongCrypto = 1 for v2.0.50727 and
# v4.0.30319 in both registry views whenever older TLS versions are disabled
# (S11, S16); §1.5, WinHTTP DefaultSecureProtocols = 0x800 in both views. The
# TLS 1.3 bit 0x2000 is left out: Microsoft does not document it for the
# registry (§1.5).
profile "tls12-only" {
  description "TLS 1.2 only: SSL 2.0/3.0 and TLS 1.0/1.1 off, .NET 2 and 4 on system defaults, WinHTTP 0x800"
  source "docs/domain.md §1.5, §4, §5 (Exchange TLS guidance, .NET TLS best practices)"
  arch x64
  protocol ssl2 ssl3 tls1.0 tls1.1 disable client server
  protocol tls1.2 enable client server
  dotnet system-default-tls-versions on strong-crypto on versions v2 v4
  winhttp default-secure-protocols tls1.2          # 0x800
}
