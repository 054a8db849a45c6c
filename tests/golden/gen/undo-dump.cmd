t=$(mktemp -d) && reglint gen strict --target windows-server-2022 -o "$t/a.reg" --undo "$t/u.reg" && reglint dump "$t/u.reg"; rc=$?; rm -rf "$t"; exit $rc
