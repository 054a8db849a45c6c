reglint show lgpo.txt
