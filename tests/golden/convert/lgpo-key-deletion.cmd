reglint convert all-kinds.reg --to lgpo -o out.txt; echo "rc $?"; test -e out.txt && echo written || echo "nothing written"
