printf "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\\\A]\r\n\"v\"=\"a\"\r\n\000junk\r\n" > has-nul.reg; reglint fmt --check has-nul.reg; echo "rc=$?"; rm -f has-nul.reg
