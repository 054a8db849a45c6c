profile "x" {
  key "HKCU\Software\Café" { value "N" string "été" }
}
