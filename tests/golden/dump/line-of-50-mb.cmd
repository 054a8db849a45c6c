{ printf 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"v"="'; head -c 50000000 /dev/zero | tr '\000' a; printf '"\r\n'; } | (reglint dump -; echo "exit status $?" >&2) | wc -c
