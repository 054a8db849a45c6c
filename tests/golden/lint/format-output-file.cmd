reglint lint -f gcc -o report.txt --select RL5001 formats.reg; echo "exit $?"; cat report.txt; rm -f report.txt
