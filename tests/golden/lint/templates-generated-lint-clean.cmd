for t in $(reglint templates | cut -d" " -f1); do reglint gen $t | reglint lint -f gcc --severity warning --profile $t --stdin-filename $t.reg - || echo "$t: exit $?"; done
