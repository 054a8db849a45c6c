profile "ansi-reads-as-utf8" {
  key "HKCU\Software\reglint-test" { value "Name" string "Ã©" }
}
