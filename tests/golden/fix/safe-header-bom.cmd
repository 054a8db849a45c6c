t=$(mktemp -d); cp header-bom.reg "$t"; cd "$t"; reglint lint -f gcc --fix header-bom.reg; rc=$?; od -c header-bom.reg | head -n 2; rm -rf "$t"; exit $rc
