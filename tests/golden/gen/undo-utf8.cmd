t=$(mktemp -d) && reglint gen tls12-only --target windows-server-2022 --encoding utf8 -o "$t/apply.reg" --undo - && reglint dump "$t/apply.reg" >/dev/null; rc=$?; rm -rf "$t"; exit $rc
