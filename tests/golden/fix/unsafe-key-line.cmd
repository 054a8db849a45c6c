t=$(mktemp -d); cp key-line.reg "$t"; cd "$t"; reglint lint -f gcc --fix --unsafe-fixes key-line.reg; rc=$?; od -c key-line.reg | tail -n 5; rm -rf "$t"; exit $rc
