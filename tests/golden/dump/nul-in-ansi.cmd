printf 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"v"="a\000b"\r\n"w"=dword:1\r\n' | reglint dump -
