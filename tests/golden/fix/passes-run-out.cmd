cp passes-run-out.reg run-out.tmp && reglint lint --fix --unsafe-fixes run-out.tmp > out.tmp; echo "rc $?"; tail -n 4 out.tmp; grep -c Wow6432Node run-out.tmp; rm -f run-out.tmp out.tmp
