cp twelve-values.reg run-out.tmp && reglint lint --profile twelve-values.profile --fix run-out.tmp > out.tmp; echo "rc $?"; tail -n 3 out.tmp; grep -c dword run-out.tmp; rm -f run-out.tmp out.tmp
