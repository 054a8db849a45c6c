#!/bin/sh
# The PReg reader against an independent one: for every valid Registry.pol of
# tests/corpus/policy/pol/, `reglint dump --root machine` (its value lines)
# must equal what Samba's GPPolParser (Debian's python3-samba) reads from the
# same file, applied to an empty registry by samba_pol.py.
#   tests/corpus/samba-pol.sh BIN
# Skipped, saying so, where python3-samba is not installed.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
if ! python=$(sh "$here/../interop/samba-python.sh"); then
    echo "SKIP samba-pol: $python"
    echo "samba-pol: 0 passed, 0 failed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for f in "$here"/policy/pol/*.pol; do
    name=${f#"$here"/}
    case $name in
    policy/pol/104.pol | policy/pol/105.pol) continue ;; # damaged on purpose
    esac
    if ! "$python" "$here/samba_pol.py" "$f" >"$tmp/samba" 2>"$tmp/err"; then
        failed=$((failed + 1))
        echo "FAIL $name: Samba cannot read it: $(tail -n 1 "$tmp/err")"
        continue
    fi
    "$bin" dump --root machine "$f" 2>/dev/null | grep -v '^KEY	' | LC_ALL=C sort >"$tmp/reglint"
    LC_ALL=C sort "$tmp/samba" >"$tmp/samba.sorted"
    if cmp -s "$tmp/reglint" "$tmp/samba.sorted"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name: reglint and Samba differ"
        diff "$tmp/samba.sorted" "$tmp/reglint" | sed -n 1,6p
    fi
done
echo "samba-pol: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
