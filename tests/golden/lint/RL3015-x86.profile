profile "thirty-two-bit" {
  arch x86
}
