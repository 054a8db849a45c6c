#!/bin/sh
# make soak: every libFuzzer harness side by side, in fork mode, for
# SECONDS of wall time, each from its seeds (seeds.sh: the format and real
# corpora of tests/corpus/, the golden inputs, its regressions) and from the
# corpus earlier soaks left; see docs/testing.md.
#   tests/fuzz/soak.sh SECONDS HARNESS...
# SOAK_DIR is where the corpora, findings and logs are kept between soaks
# (default: the harnesses' directory + /soak). Fails when a harness found
# anything or did not run.
set -u
seconds=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
first=$(cd "$(dirname "$1")" && pwd)
work=${SOAK_DIR:-$first/soak}
mkdir -p "$work"
work=$(cd "$work" && pwd)
echo "soak: $# harnesses side by side for $seconds s each, in fork mode; corpora in $work/corpus-*"
pids=
for harness in "$@"; do
    name=$(basename "$harness")
    FUZZ_FORK=1 FUZZ_RUNS= FUZZ_SEED= FUZZ_WORK_DIR=$work \
        sh "$here/run.sh" "$seconds" "$harness" >"$work/$name.out" 2>&1 &
    pids="$pids $!"
done
status=0
for pid in $pids; do
    wait "$pid" || status=1
done
# Each harness's summary: run.sh's own lines, then libFuzzer's last status
# line (#EXECUTIONS: cov: ... corp: ... exec/s ... oom/timeout/crash: ...).
for harness in "$@"; do
    name=$(basename "$harness")
    echo "--- $name"
    grep -v '^#' "$work/$name.out" | grep -v '^$' | tail -n 20
    last=$(grep -E '^#[0-9]+: ' "$work/$name.log" 2>/dev/null | tail -n 1)
    if [ -z "$last" ]; then
        echo "$name: no status line in $work/$name.log: it did not run"
        status=1
    else
        echo "$name: $(echo "$last" | sed 's/^#\([0-9]*\):.*exec\/s \([0-9]*\).*/\1 executions, \2 a second at the end/')"
        echo "$last"
    fi
done
[ "$status" -eq 0 ] && echo "soak: no finding" || echo "soak: FAILED (findings in $work/artifacts/, logs in $work/*.log)"
exit "$status"
