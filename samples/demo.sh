#!/bin/sh
# `make demo`: runs reglint's main jobs on the files in samples/ and shows
# what it says.
#   samples/demo.sh BIN
# Findings are the point of the demo, so exit status 1 (findings) counts as
# success here; 2 or 3 (usage or I/O error) fails the demo.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")" || exit 3
status=0

run() {
    echo "\$ reglint $*"
    "$bin" "$@"
    rc=$?
    echo "(exit status $rc)"
    echo
    [ "$rc" -le 1 ] || status=$rc
}

# Lint: every sample, as a reviewer would see it in a pull request.
run lint --color never easyfix-kb3140245.reg pasted-from-web.reg tls12-review.reg
# Lint against a policy: what the change misses of "TLS 1.2 only".
run lint --color never --format gcc --profile tls12-only --target windows-server-2019 tls12-review.reg
# Generate: the .reg Microsoft's Easy fix writes, and what importing it does.
run gen easyfix-kb3140245 --encoding utf8
run dump easyfix-kb3140245.reg
exit "$status"
