printf "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\\\A]\r\n\"v\"=\"a\"\r\n\000junk\r\n" > nul.reg; reglint fmt --check nul.reg; echo "rc=$?"; rm -f nul.reg
