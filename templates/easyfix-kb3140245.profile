# What Microsoft's "Easy fix" for KB3140245 writes, and nothing else.
#
# Source: KB3140245, "Update to enable TLS 1.1 and TLS 1.2 as default secure
# protocols in WinHTTP in Windows" (support.microsoft.com/help/3140245;
# docs/domain.md S9): the Easy fix adds DefaultSecureProtocols = 0x00000A00
# (TLS 1.1 + TLS 1.2) under HKLM\...\Internet Settings\WinHttp and, on x64,
# under the Wow6432Node path; it "also adds the SecureProtocols ... value 0xA80"
# (TLS 1.0 + 1.1 + 1.2) under HKEY_CURRENT_USER and HKEY_LOCAL_MACHINE
# \Software\Microsoft\Windows\CurrentVersion\Internet Settings.
profile "easyfix-kb3140245" {
  description "What the Easy fix for KB3140245 writes: WinHTTP TLS 1.1 and 1.2, WinINet TLS 1.0 to 1.2"
  source "KB3140245"
  target windows-7-sp1
  arch x64                                                # WinHttp in both registry views
  winhttp default-secure-protocols tls1.1 tls1.2          # 0xA00
  wininet secure-protocols tls1.0 tls1.1 tls1.2 scope user machine   # 0xA80
}
