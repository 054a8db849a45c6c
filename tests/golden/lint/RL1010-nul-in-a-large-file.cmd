{ printf 'REGEDIT4\r\n[HKEY_CURRENT_USER\\A]\r\n"v"="a"\000\r\n'; i=100; while [ $i -lt 400 ]; do printf '"v%d"="0123456789"\r\n' $i; i=$((i+1)); done; } | reglint lint -f gcc --select RL1010 -
