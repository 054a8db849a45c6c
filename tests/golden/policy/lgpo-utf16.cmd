reglint dump lgpo-utf16.txt
