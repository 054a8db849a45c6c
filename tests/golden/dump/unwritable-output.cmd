reglint dump utf16.reg >/dev/full
