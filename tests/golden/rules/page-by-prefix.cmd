reglint rule wow64; echo "exit $?"; reglint rule rl30; echo "exit $?"
