t=$(mktemp -d); cp names-utf8.reg "$t"; cd "$t"; reglint lint -f gcc --fix names-utf8.reg; rc=$?; od -c names-utf8.reg; rm -rf "$t"; exit $rc
