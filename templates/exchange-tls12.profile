# The Exchange Server TLS 1.2 settings.
#
# Source: Microsoft's Exchange Server TLS guidance (docs/domain.md S14, S15) as
# summarised for Exchange 2013 and 2016: Schannel TLS 1.2 enabled for client and
# server with DisabledByDefault = 0; WinHTTP DefaultSecureProtocols = 0xA80 in
# the 64-bit and 32-bit (Wow6432Node) views; .NET Framework 4
# SystemDefaultTlsVersions = 1 in both views.
profile "exchange-tls12" {
  description "Exchange Server TLS 1.2: Schannel TLS 1.2, WinHTTP 0xA80 and .NET 4 system defaults"
  source "Exchange Server TLS guidance, part 2"
  target windows-server-2012-r2
  arch x64
  protocol tls1.2 enable client server
  winhttp default-secure-protocols tls1.0 tls1.1 tls1.2   # 0xA80
  dotnet system-default-tls-versions on versions v4
}
