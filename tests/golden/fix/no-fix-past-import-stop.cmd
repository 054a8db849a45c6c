cp past-import-stop.reg stop.tmp && reglint lint --fix --unsafe-fixes stop.tmp; echo "rc $?"; grep -c Wow6432Node stop.tmp; rm -f stop.tmp
