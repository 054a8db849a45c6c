# What a .reg file cannot carry is refused, each at its place.
profile "refused" {
  description "two\u{a}lines"
  key "HKCU\Software\t\u{a}[HKEY_LOCAL_MACHINE\Evil]" { }
  key "HKCU\Software\nul\u{0}inside" { }
  key "HKCU\\\\Software" { }
  key "HKEY_LOCAL_MACHINES\Software" { }
  key "HKCU\Software\reglint-test" {
    value "a\u{d}\u{a}[HKEY_LOCAL_MACHINE\Evil]" string "x"
    value "b" string "line\u{a}\"Evil\"=dword:1"
    value "c\u{0}d" dword 1
    value "d" expand-string "nul\u{0}inside"
    value "e" multi-string "a" "" "b"
  }
}
