t=$(mktemp -d) && cp messy.reg "$t/m.reg" && cd "$t" && reglint fmt m.reg && cat m.reg && reglint fmt --check m.reg; rc=$?; rm -rf "$t"; exit $rc
