# TLS 1.2 and later: nothing older than TLS 1.2, for every component
# reglint knows. TLS 1.3 is not turned off: Windows 11 and Server 2022 and
# later have it on by default (docs/domain.md §3.1, S4), and a "TLS 1.2 only"
# file that disabled it there would take the better protocol away.
#
# Sources (docs/domain.md): §5, Microsoft's pairs for enabling and disabling a
# protocol, written for both roles (S14, S15); §4 items 4 and 11, .NET
# SystemDefaultTlsVersions and SchUseStrongCrypto = 1 for v2.0.50727 and
# v4.0.30319 in both registry views whenever older TLS versions are disabled
# (S11, S16); §1.5, §3.2, WinHTTP DefaultSecureProtocols in both views: TLS 1.2
# and TLS 1.3 (0x2000, S7), written for the target: 0x2800 on Windows 11 and
# Server 2022 and later, 0x800 before.
profile "tls12-only" {
  description "TLS 1.2 and later: SSL 2.0/3.0 and TLS 1.0/1.1 off, TLS 1.3 left on where Windows has it, .NET 2 and 4 on system defaults, WinHTTP TLS 1.2 (and 1.3 where the target has it)"
  source "docs/domain.md §1.5, §3.2, §4, §5 (Exchange TLS guidance, .NET TLS best practices, WinHTTP option flags)"
  arch x64
  protocol ssl2 ssl3 tls1.0 tls1.1 disable client server
  protocol tls1.2 enable client server
  dotnet system-default-tls-versions on strong-crypto on versions v2 v4
  winhttp default-secure-protocols tls1.2 tls1.3   # 0x800, or 0x2800 on targets with TLS 1.3
}
