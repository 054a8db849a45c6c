reglint -f gcc tree; echo "exit $?"; reglint trees; echo "exit $?"
