profile "not-ansi" {
  key "HKCU\Software\reglint-test" { value "Check" string "✓ done" }
}
