# Profile text that tries to break out of the .reg file: every string must
# reach the registry exactly as written, and nothing else may.
profile "injection" {
  key "HKCU\Software\reglint-test\quote\"and]bracket]" {
    value "name with \"quotes\" and \\ backslash" string "data \"quoted\" \\ \\\\ ]\" injected"
    value "]" string "[HKEY_LOCAL_MACHINE\SOFTWARE\Evil]"
    value "x\"=dword:1" string "\"=hex:00"
    value @ string "default ; not a comment"
    value "multi" multi-string "line1\u{d}\u{a}[HKEY_LOCAL_MACHINE\Evil]" "two"
    value "expand" expand-string "%PATH%\u{a}\"Evil\"=-"
  }
}
