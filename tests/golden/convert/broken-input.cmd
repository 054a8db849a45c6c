reglint convert broken.reg --to pol -o out.pol; echo "rc $?"; test -e out.pol && echo written || echo "nothing written"
