reglint lint -f gcc -o report.txt -f json=- --select RL2003 review.reg; test ! -e - && echo "no file named -"; cat report.txt; rm -f report.txt
