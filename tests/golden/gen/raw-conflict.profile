profile "raw-conflict" {
  arch x86
  winhttp default-secure-protocols tls1.2
  key "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp" {
    value "DefaultSecureProtocols" dword 0xA00
  }
}
