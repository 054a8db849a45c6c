t=$(mktemp -d) && reglint gen easyfix-kb3140245 -o "$t/fix.reg" && reglint dump "$t/fix.reg"; rc=$?; rm -rf "$t"; exit $rc
