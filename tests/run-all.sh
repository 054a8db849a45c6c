#!/bin/sh
# Runs every test and ends with one line "N passed, N failed".
#   tests/run-all.sh BIN UNIT_TEST...
# BIN is the reglint binary; each UNIT_TEST is a cmocka test program. The
# fuzz harnesses' replay programs are found beside BIN, in fuzz-replay/.
# REGLINT_RUNNER, when set, is a command every test program and every run of
# reglint go through (`make valgrind` sets it to valgrind).
set -u
bin=$1
shift
top=$(cd "$(dirname "$0")/.." && pwd)
runner=${REGLINT_RUNNER:-}
replays=$(dirname "$bin")/fuzz-replay
passed=0
failed=0
log=$(mktemp)
work=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$work"' EXIT
if [ -n "$runner" ]; then
    # The suites run BIN themselves: give them one that goes through the runner.
    real=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$runner" "$real" >"$work/reglint"
    chmod +x "$work/reglint"
    bin=$work/reglint
fi

# A suite's own summary line ("<name>: N passed, N failed") adds to the totals.
count() {
    p=$(sed -n 's/^[a-z-]*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^[a-z-]*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p' "$log" | tail -n 1)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-1}))
}

for t in "$@"; do
    name=$(basename "$t")
    # cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)".
    $runner "$t" >"$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\.$/\1/p' "$log")
    f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$log" | head -n 1)
    if [ "$rc" -ne 0 ] || [ -z "$p" ]; then
        cat "$log"
        [ -z "$f" ] && f=1
    fi
    echo "$name: ${p:-0} passed, ${f:-0} failed"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
done

sh "$top/tests/golden/run.sh" "$bin" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/corpus/run.sh" "$bin" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/corpus/policy.sh" "$bin" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/corpus/samba-pol.sh" "$bin" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/hive/run.sh" "$bin" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/accuracy/run.sh" "$bin" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/sarif/validate.sh" "$bin" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/suites/check.sh" >"$log" 2>&1
cat "$log"
count
sh "$top/tests/fuzz/replay.sh" "$replays"/fuzz_* >"$log" 2>&1
cat "$log"
count

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
