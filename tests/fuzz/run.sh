#!/bin/sh
# Runs each libFuzzer harness for a while, seeded with its seeds (seeds.sh)
# and its regressions, with its dictionary.
#   tests/fuzz/run.sh SECONDS HARNESS...
# FUZZ_RUNS, when set, also stops a harness after that many inputs.
# FUZZ_SEED, when set, is libFuzzer's random seed (CI uses one). Runs with one
# seed still differ: the count of inputs in SECONDS depends on the machine,
# and the coverage that steers libFuzzer on addresses, which change with each
# start; what failed is therefore summed up at the end, with the input.
# FUZZ_FORK=1 runs libFuzzer's fork mode, in which a finding does not end the
# run (for the long runs); the counts then come from its last status line.
# Inputs that add coverage collect in <harness dir>/corpus-<harness>/, crashes
# in <harness dir>/artifacts/, the output in <harness dir>/<harness>.log;
# FUZZ_WORK_DIR, when set, is used instead of <harness dir> (make soak).
# FUZZ_JOBS=N runs N harnesses at a time (CI: 2, one a CPU); each one's output
# is printed whole once it ends, in the order the harnesses were given.
# Fails when a harness finds a crash, a leak, a timeout or undefined behaviour.
set -u
seconds=$1
shift
jobs=${FUZZ_JOBS:-1}
case $jobs in
'' | *[!0-9]* | 0)
    echo "tests/fuzz/run.sh: FUZZ_JOBS must be a number of harnesses, 1 or more, not '$jobs'" >&2
    exit 2
    ;;
esac
fork_options=""
[ -n "${FUZZ_FORK:-}" ] && fork_options="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/fuzz/seeds.sh"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Fuzzes harness $1, the $2th given; when it fails, what failed goes into
# $out/N.failed.
fuzz_one() {
    harness=$1
    n=$2
    name=$(basename "$harness")
    harness=$(cd "$(dirname "$harness")" && pwd)/$name
    dir=${FUZZ_WORK_DIR:-$(dirname "$harness")}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    seeds=$dir/seeds-$name
    rm -rf "$seeds"
    mkdir -p "$dir/corpus-$name" "$dir/artifacts" "$seeds"
    (
        cd "$top" || exit 1
        # Names are made unique: seeds from different directories may share one.
        i=0
        for f in $(fuzz_seed_patterns "$name") tests/fuzz/regressions/"$name"/*; do
            [ -f "$f" ] || continue
            i=$((i + 1))
            cp "$f" "$seeds/$i-$(basename "$f")"
        done
    )
    echo "$name: fuzzing for $seconds s${FUZZ_RUNS:+ or $FUZZ_RUNS inputs}${FUZZ_FORK:+ (fork mode)}"
    # The harnesses read no files but `extends` paths, which are relative to
    # the current directory: an empty one keeps runs alike.
    mkdir -p "$dir/cwd-$name"
    failed=0
    found_before=$(find "$dir/artifacts" -name "$name-*" | wc -l)
    # shellcheck disable=SC2086
    if ! (cd "$dir/cwd-$name" && "$harness" $fork_options -max_total_time="$seconds" ${FUZZ_RUNS:+-runs="$FUZZ_RUNS"} ${FUZZ_SEED:+-seed="$FUZZ_SEED"} \
        -timeout=10 -rss_limit_mb=2048 -max_len=16384 -dict="$top/$(fuzz_dictionary "$name")" \
        -artifact_prefix="$dir/artifacts/$name-" -print_final_stats=1 \
        "$dir/corpus-$name" "$seeds") >"$dir/$name.log" 2>&1; then
        tail -n 60 "$dir/$name.log"
        failed=1
    fi
    found=$(($(find "$dir/artifacts" -name "$name-*" | wc -l) - found_before))
    if [ "$found" -gt 0 ]; then
        echo "$name: $found new finding(s) in $dir/artifacts/"
        failed=1
    fi
    if [ "$failed" -eq 1 ]; then
        # The first report, with the two lines before it (a harness's own
        # check prints its message just before libFuzzer's "deadly signal").
        {
            echo "FAILED $name (log: $dir/$name.log):"
            grep -m 1 -B 2 -E '^==[0-9]+== ?(ERROR|WARNING)|runtime error|^ALARM' "$dir/$name.log"
            unit=$(sed -n 's/^Test unit written to //p' "$dir/$name.log" | tail -n 1)
            # A small input goes into the log whole, to be replayed from it.
            if [ -n "$unit" ] && [ -f "$unit" ] && [ "$(wc -c <"$unit")" -le 4096 ]; then
                echo "input ($unit), base64:"
                base64 "$unit"
            fi
        } >"$out/$n.failed"
    fi
    if [ -n "${FUZZ_FORK:-}" ]; then
        grep -E '^#[0-9]+: ' "$dir/$name.log" | tail -n 1
    else
        grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb' \
            "$dir/$name.log"
    fi
    echo "corpus: $(find "$dir/corpus-$name" -type f | wc -l) inputs"
}

# Harness N goes to group (N - 1) % jobs; the groups run side by side, each
# its harnesses one after the other, their output kept in $out/N.out. One
# group prints as it goes.
group=0
while [ "$group" -lt "$jobs" ]; do
    (
        n=0
        for harness in "$@"; do
            n=$((n + 1))
            [ $(((n - 1) % jobs)) -eq "$group" ] || continue
            if [ "$jobs" -eq 1 ]; then
                fuzz_one "$harness" "$n"
            else
                fuzz_one "$harness" "$n" >"$out/$n.out" 2>&1
            fi
        done
    ) &
    group=$((group + 1))
done
wait
status=0
n=0
for harness in "$@"; do
    n=$((n + 1))
    [ "$jobs" -eq 1 ] || cat "$out/$n.out"
    [ -f "$out/$n.failed" ] && status=1
done
# A CI log is often kept only by its end: what failed and why comes last.
n=0
for harness in "$@"; do
    n=$((n + 1))
    [ -f "$out/$n.failed" ] && cat "$out/$n.failed"
done
exit "$status"
