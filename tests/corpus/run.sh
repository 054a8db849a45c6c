#!/bin/sh
# Corpus tests.
#   tests/corpus/run.sh [--update] BIN
# - format/: `reglint dump` of each case prints exactly its .expected body;
# - real/: dump and show never fail with more than exit 1, and the dump
#   (stdout, stderr, exit status) matches expected/<name>.dump; lint's
#   findings and exit status match expected/<name>.lint;
# - every corpus file: fmt's output imports to the same state as the input
#   (same dump), and fmt is idempotent.
# --update rewrites expected/ from what BIN does now (review the diff).
set -u
update=0
if [ "${1:-}" = --update ]; then
    update=1
    shift
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")" || exit 2
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL $*"
}

for reg in format/*.reg; do
    "$bin" dump "$reg" >"$tmp/got" 2>/dev/null
    grep -v '^#' "${reg%.reg}.expected" >"$tmp/want"
    if cmp -s "$tmp/got" "$tmp/want"; then pass; else
        fail "$reg: dump differs from ${reg%.reg}.expected"
        diff -u "$tmp/want" "$tmp/got" | head -n 20
    fi
done

for reg in real/*.reg; do
    name=$(basename "$reg" .reg)
    "$bin" dump "$reg" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    { cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "--- exit $rc"; } >"$tmp/dump"
    [ "$update" -eq 1 ] && cp "$tmp/dump" "expected/$name.dump"
    if [ "$rc" -le 1 ] && cmp -s "$tmp/dump" "expected/$name.dump"; then pass; else
        fail "$reg: dump (exit $rc) differs from expected/$name.dump"
        diff -u "expected/$name.dump" "$tmp/dump" 2>&1 | head -n 20
    fi
    "$bin" show "$reg" >/dev/null 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ]; then pass; else fail "$reg: show exited $rc"; fi
done

# lint of every real file: the findings a reviewer has read (gcc format, so
# that a change of wording or location shows), and the exit status.
for reg in real/*.reg; do
    name=$(basename "$reg" .reg)
    "$bin" lint -f gcc "$reg" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    { cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "--- exit $rc"; } >"$tmp/lint"
    [ "$update" -eq 1 ] && cp "$tmp/lint" "expected/$name.lint"
    if [ "$rc" -le 1 ] && cmp -s "$tmp/lint" "expected/$name.lint"; then pass; else
        fail "$reg: lint (exit $rc) differs from expected/$name.lint"
        diff -u "expected/$name.lint" "$tmp/lint" 2>&1 | head -n 20
    fi
done

for reg in format/*.reg real/*.reg; do
    base=$(basename "$reg")
    cp "$reg" "$tmp/$base"
    "$bin" fmt "$tmp/$base" 2>"$tmp/fmt.err"
    fmt_rc=$?
    "$bin" dump "$reg" >"$tmp/before" 2>"$tmp/before.err"
    before_rc=$?
    "$bin" dump "$tmp/$base" >"$tmp/after" 2>"$tmp/after.err"
    after_rc=$?
    cp "$tmp/$base" "$tmp/again.reg"
    "$bin" fmt "$tmp/again.reg" 2>/dev/null
    if ! cmp -s "$tmp/before" "$tmp/after"; then
        fail "$reg: importing fmt's output gives a different state" \
            "(fmt exit $fmt_rc, dump exit $before_rc before and $after_rc after)"
        diff -u "$tmp/before" "$tmp/after" | head -n 20
        head -n 5 "$tmp/fmt.err" "$tmp/before.err" "$tmp/after.err"
    elif ! cmp -s "$tmp/$base" "$tmp/again.reg"; then
        fail "$reg: fmt is not idempotent"
    else
        pass
    fi
    rm -f "$tmp/$base" "$tmp/again.reg"
done

echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
