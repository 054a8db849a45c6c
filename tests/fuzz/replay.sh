#!/bin/sh
# Replays every fuzz harness's regressions and seeds (seeds.sh) through its
# replay program (replay.c), one suite for all harnesses.
#   tests/fuzz/replay.sh REPLAY...
# Each REPLAY is a harness built against replay.c, named as the harness.
# REGLINT_RUNNER, when set, is a command each replay program runs through.
# Prints every failing input and ends with "fuzz-replay: N passed, N failed";
# a suite that replays no input at all fails.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/fuzz/seeds.sh"
runner=${REGLINT_RUNNER:-}
passed=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$top" || exit 2
for replay in "$@"; do
    name=$(basename "$replay")
    if [ ! -x "$replay" ]; then
        echo "FAIL $name: no replay program $replay"
        failed=$((failed + 1))
        continue
    fi
    # shellcheck disable=SC2046
    set -- $(fuzz_seed_patterns "$name") tests/fuzz/regressions/"$name"/*
    files=0
    for f in "$@"; do
        shift
        [ -f "$f" ] && set -- "$@" "$f" && files=$((files + 1))
    done
    # A harness aborts on a finding: the input after the last "ok" failed;
    # the replay goes on from the one after it.
    while [ "$#" -gt 0 ]; do
        $runner "$replay" "$@" >"$out" 2>&1
        rc=$?
        ran=$(grep -c '^ok ' "$out")
        passed=$((passed + ran))
        shift "$ran"
        [ "$rc" -eq 0 ] && [ "$#" -eq 0 ] && break
        failed=$((failed + 1))
        if [ "$#" -eq 0 ]; then
            # A leak is reported when the program ends, after every input.
            echo "FAIL $name: exit status $rc after its last input"
        else
            echo "FAIL $name $1"
            shift
        fi
        grep -v '^ok ' "$out" | tail -n 40
    done
    [ "$files" -gt 0 ] || { echo "FAIL $name: no input to replay"; failed=$((failed + 1)); }
done
[ $((passed + failed)) -gt 0 ] || { echo "FAIL no harness replayed"; failed=1; }
echo "fuzz-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
