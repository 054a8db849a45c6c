#!/bin/sh
# Runs each libFuzzer harness for a while, seeded with the test corpora.
#   tests/fuzz/run.sh SECONDS HARNESS...
# New inputs collect in build/.../corpus-<harness>/, crashes in artifacts/.
# Fails when a harness finds a crash, a leak, a timeout or undefined behaviour.
set -u
seconds=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
status=0
for harness in "$@"; do
    name=$(basename "$harness")
    dir=$(dirname "$harness")
    mkdir -p "$dir/corpus-$name" "$dir/artifacts"
    seeds="$here/seeds-${name#fuzz_}"
    [ -d "$seeds" ] || seeds=""
    echo "$name: fuzzing for $seconds s"
    # shellcheck disable=SC2086
    if ! "$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="$here/${name#fuzz_}.dict" -artifact_prefix="$dir/artifacts/$name-" \
        -print_final_stats=1 "$dir/corpus-$name" $seeds \
        "$here/../corpus/format" "$here/../corpus/real" >"$dir/$name.log" 2>&1; then
        tail -n 40 "$dir/$name.log"
        status=1
    fi
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$dir/$name.log"
done
exit "$status"
