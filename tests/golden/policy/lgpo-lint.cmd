reglint lint -f gcc lgpo.txt
