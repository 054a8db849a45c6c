reglint lint -f gcc -o - review.reg; test ! -e - && echo "no file named -"
