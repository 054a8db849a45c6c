#!/bin/sh
# `make demo`: runs reglint on every file in samples/ and shows what it says.
#   samples/demo.sh BIN
# Findings are the point of the demo, so exit status 1 (findings) counts as
# success here; 2 or 3 (usage or I/O error) fails the demo.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")" || exit 3
status=0
for reg in *.reg; do
    echo "\$ reglint dump samples/$reg"
    "$bin" dump "$reg" 2>&1
    rc=$?
    echo "(exit status $rc)"
    echo
    [ "$rc" -le 1 ] || status=$rc
done
exit "$status"
