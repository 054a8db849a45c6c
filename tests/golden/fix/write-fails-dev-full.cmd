reglint lint --fix-to /dev/full enabled-ansi.reg; echo "rc=$?"; reglint lint --fix-to no-such-dir/out.reg enabled-ansi.reg
