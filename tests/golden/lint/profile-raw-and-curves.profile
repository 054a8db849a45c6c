profile "raw-and-curves" {
  target windows-server-2022
  ecc-curves "curve25519" "NistP256"
  key "HKLM\SOFTWARE\Contoso\App" {
    value "UseTls12" dword 1
    value "Name" string "x"
  }
  key "HKLM\SOFTWARE\Contoso\Empty" { }
}
