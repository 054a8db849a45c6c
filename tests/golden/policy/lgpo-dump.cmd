reglint dump lgpo.txt
