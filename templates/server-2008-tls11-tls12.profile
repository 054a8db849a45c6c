# TLS 1.1 and TLS 1.2 on Windows Server 2008 SP2.
#
# Source: KB4019276, "Update to add support for TLS 1.1 and TLS 1.2 in Windows
# Server 2008 SP2", as quoted in a vendor's instructions: "For TLS 1.1 & 1.2 to
# be enabled and negotiated, you must create the DisabledByDefault DWORD entry
# in the appropriate subkey (Client, Server), and then change the DWORD value
# to 0"; WinHTTP's DefaultSecureProtocols = 0x00000A00 (TLS 1.1 + TLS 1.2), also
# under Wow6432Node on x64 (KB3140245 wording, docs/domain.md S9).
profile "server-2008-tls11-tls12" {
  description "Windows Server 2008 SP2: TLS 1.1 and 1.2 enabled in Schannel, WinHTTP 0xA00"
  source "KB4019276"
  target windows-server-2008-sp2
  arch x64
  protocol tls1.1 tls1.2 enable client server    # Enabled=1, DisabledByDefault=0
  winhttp default-secure-protocols tls1.1 tls1.2  # 0xA00
}
