#!/bin/sh
# Golden tests of the command line: exact stdout, stderr and exit status.
#   tests/golden/run.sh [--update] BIN
# A case is tests/golden/<group>/<name>.cmd: one shell command line run in
# the case's directory, where "reglint" runs BIN (and $REGLINT names it, for
# programs such as git that run reglint themselves). Its expectations sit beside
# it: <name>.out (stdout), <name>.err (stderr), <name>.rc (exit status).
# --update rewrites the expectations from what BIN does now (review the diff).
# A case that cannot run here (it needs root...) exits 77 with the reason on
# its first line of stdout: it is listed as skipped.
set -u
update=0
if [ "${1:-}" = --update ]; then
    update=1
    shift
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for cmd in $(find "$here" -name '*.cmd' | LC_ALL=C sort); do
    dir=$(dirname "$cmd")
    name=${cmd%.cmd}
    line=$(cat "$cmd")
    (
        cd "$dir" || exit 99
        reglint() { "$bin" "$@"; }
        REGLINT=$bin
        export REGLINT
        eval "$line"
    ) >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/rc"
    if [ "$(cat "$tmp/rc")" = 77 ]; then
        echo "SKIP ${name#"$here"/}: $(head -n 1 "$tmp/out")"
        skipped=$((skipped + 1))
        continue
    fi
    if [ "$update" -eq 1 ]; then
        cp "$tmp/out" "$name.out"
        cp "$tmp/err" "$name.err"
        cp "$tmp/rc" "$name.rc"
    fi
    ok=1
    for part in out err rc; do
        if ! cmp -s "$tmp/$part" "$name.$part" 2>/dev/null; then
            ok=0
            echo "FAIL ${name#"$here"/} ($part)"
            if [ -f "$name.$part" ]; then
                diff -u "$name.$part" "$tmp/$part" | head -n 40
            else
                echo "  missing $name.$part"
            fi
        fi
    done
    if [ "$ok" -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
[ "$skipped" -eq 0 ] || echo "golden: $skipped skipped"
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
