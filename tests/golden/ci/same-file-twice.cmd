reglint lint -f gcc=F -o F review.reg; test ! -e F && echo "nothing written"
