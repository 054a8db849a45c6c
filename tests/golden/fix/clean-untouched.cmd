t=$(mktemp -d); cp -p clean.reg "$t"; cd "$t"; reglint lint --fix clean.reg; rc=$?; cmp clean.reg "$OLDPWD/clean.reg" && echo unchanged; rm -rf "$t"; exit $rc
