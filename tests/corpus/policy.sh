#!/bin/sh
# Policy corpus: real Registry.pol, LGPO text and GptTmpl.inf files
# (policy/SOURCES.tsv says where each came from).
#   tests/corpus/policy.sh BIN
# - every file: lint, dump and show end with status 0 or 1 (never a crash or
#   an I/O error), and the rendering reglint reads draws no finding of the
#   .reg reader (RL10xx): each format's problems are its own (RL11xx);
# - every GPO folder: lint, dump, show and posture read it as one document,
#   and a directory of GPO folders is linted one GPO at a time;
# - the two damaged Registry.pol files: lint and dump exit 1 with RL1101.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/policy" || exit 2
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL $*"
}

for f in pol/*.pol lgpo/*.txt inf/*.inf gpp/*.xml; do
    ok=1
    for cmd in lint dump show; do
        "$bin" "$cmd" --root machine "$f" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ "$rc" -gt 1 ]; then
            fail "$cmd $f: exit $rc"
            sed -n 1,5p "$tmp/err"
            ok=0
        fi
    done
    "$bin" lint -f gcc --root machine "$f" >"$tmp/out" 2>&1
    if grep -q '\[RL10[0-9][0-9]\]' "$tmp/out"; then
        fail "lint $f: the rendering drew a .reg reader finding"
        grep '\[RL10[0-9][0-9]\]' "$tmp/out" | sed -n 1,3p
        ok=0
    fi
    [ "$ok" -eq 1 ] && pass
done

# GPO folders: each read as one document.
for d in gpo/*/; do
    d=${d%/}
    for cmd in lint dump show posture; do
        "$bin" "$cmd" "$d" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ "$rc" -gt 1 ]; then
            fail "$cmd $d: exit $rc"
            sed -n 1,5p "$tmp/err"
            continue 2
        fi
    done
    if [ ! -s "$tmp/out" ] || "$bin" lint -f gcc "$d" 2>&1 | grep -q '\[RL10[0-9][0-9]\]'; then
        fail "$d: no rendering, or the rendering drew a .reg reader finding"
        continue
    fi
    pass
done
# A directory holding GPO folders is linted one GPO at a time.
ngpo=$(ls -d gpo/*/ | wc -l | tr -d ' ')
if "$bin" lint gpo 2>&1 | grep -q " in $ngpo files\$"; then
    pass
else
    fail "lint gpo: not one report per GPO folder ($ngpo)"
fi

for f in pol/104.pol pol/105.pol; do
    for cmd in lint dump; do
        "$bin" "$cmd" "$f" >"$tmp/out" 2>&1
        rc=$?
        if [ "$rc" -eq 1 ] && grep -q 'RL1101' "$tmp/out"; then
            pass
        else
            fail "$cmd $f: damaged file: exit $rc, expected 1 with RL1101"
        fi
    done
done

echo "policy-corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
