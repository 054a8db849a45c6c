t=$(mktemp -d); cp cascade.reg "$t"; cd "$t"; reglint lint -f gcc --fix cascade.reg; rc=$?; cat cascade.reg; rm -rf "$t"; exit $rc
