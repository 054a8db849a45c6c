reglint lint template-nul-in-name.inf lgpo-nul-in-name.txt; echo "lint: $?"; reglint dump template-nul-in-name.inf; reglint dump lgpo-nul-in-name.txt
