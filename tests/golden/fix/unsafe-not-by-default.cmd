t=$(mktemp -d); cp mirror-utf16.reg "$t"; cd "$t"; reglint lint --fix mirror-utf16.reg; rc=$?; cmp mirror-utf16.reg "$OLDPWD/mirror-utf16.reg" && echo unchanged; rm -rf "$t"; exit $rc
