profile "ms" {
    key "HKEY_LOCAL_MACHINE\SOFTWARE\Contoso" {
        value "M" multi-string "Ωmega" "b"
        value "E" expand-string "%SystemRoot%\Ω"
    }
}
