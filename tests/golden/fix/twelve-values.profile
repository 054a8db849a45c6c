profile "many" {
    target windows-11
    key "HKEY_LOCAL_MACHINE\SOFTWARE\Contoso" {
        value "A" dword 1
        value "B" dword 1
        value "C" dword 1
        value "D" dword 1
        value "E" dword 1
        value "F" dword 1
        value "G" dword 1
        value "H" dword 1
        value "I" dword 1
        value "J" dword 1
        value "K" dword 1
        value "L" dword 1
    }
}
