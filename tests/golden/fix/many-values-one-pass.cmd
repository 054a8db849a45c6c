cp twelve-values.reg twelve.tmp && reglint lint --profile twelve-values.profile --fix twelve.tmp; echo "rc $?"; cat twelve.tmp; rm -f twelve.tmp
