t=$(mktemp -d) && reglint gen strict -o "$t/a.reg" --undo "$t/u.reg" && reglint dump "$t/u.reg"; rc=$?; rm -rf "$t"; exit $rc
