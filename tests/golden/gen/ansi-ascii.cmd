t=$(mktemp -d) && reglint gen tls12-only --encoding ansi >"$t/a" && reglint gen tls12-only --encoding utf8 >"$t/u" && cmp "$t/a" "$t/u" && echo identical; rc=$?; rm -rf "$t"; exit $rc
