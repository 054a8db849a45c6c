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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "$runner" ]; then
    # The suites run BIN themselves: give them one that goes through the runner.
    real=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$runner" "$real" >"$work/reglint"
    chmod +x "$work/reglint"
    bin=$work/reglint
fi

# A suite's own summary line ("<name>: N passed, N failed") in log $1 adds to
# the totals; a log without one counts as one failure.
count() {
    p=$(sed -n 's/^[a-z_-]*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p' "$1" | tail -n 1)
    f=$(sed -n 's/^[a-z_-]*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p' "$1" | tail -n 1)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-1}))
}

# A cmocka program's results, from its log $1 and exit status $2, as a
# suite's summary line; cmocka prints "[  PASSED  ] N test(s)." and
# "[  FAILED  ] N test(s)".
unit_summary() {
    p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\.$/\1/p' "$1")
    f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$1" | head -n 1)
    if [ "$2" -ne 0 ] || [ -z "$p" ]; then
        cat "$1"
        [ -z "$f" ] && f=1
    fi
    echo "$3: ${p:-0} passed, ${f:-0} failed"
}

# The golden cases, the longest suite, run beside the others (one CPU each);
# every suite's output goes to a log of its own and is printed afterwards, in
# this order.
sh "$top/tests/golden/run.sh" "$bin" >"$work/golden.log" 2>&1 &
golden=$!
n=0
for t in "$@"; do
    n=$((n + 1))
    $runner "$t" >"$work/unit-$n.raw" 2>&1
    unit_summary "$work/unit-$n.raw" $? "$(basename "$t")" >"$work/unit-$n.log"
done
sh "$top/tests/corpus/run.sh" "$bin" >"$work/corpus.log" 2>&1
sh "$top/tests/corpus/policy.sh" "$bin" >"$work/policy.log" 2>&1
sh "$top/tests/corpus/samba-pol.sh" "$bin" >"$work/samba.log" 2>&1
sh "$top/tests/hive/run.sh" "$bin" >"$work/hive.log" 2>&1
sh "$top/tests/accuracy/run.sh" "$bin" >"$work/accuracy.log" 2>&1
sh "$top/tests/sarif/validate.sh" "$bin" >"$work/sarif.log" 2>&1
sh "$top/tests/suites/check.sh" >"$work/suites.log" 2>&1
sh "$top/tests/fuzz/replay.sh" "$replays"/fuzz_* >"$work/replay.log" 2>&1
wait "$golden"

n=0
for t in "$@"; do
    n=$((n + 1))
    cat "$work/unit-$n.log"
    count "$work/unit-$n.log"
done
for suite in golden corpus policy samba hive accuracy sarif suites replay; do
    cat "$work/$suite.log"
    count "$work/$suite.log"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
