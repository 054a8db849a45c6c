#!/bin/sh
# Many small files: times `reglint lint -j 1 DIR` and `reglint lint -j 2 DIR`
# on a directory of 1,000 small exports, against 1,000 runs of
# `reglint lint FILE`, one per file. Prints figures; asserts nothing about
# speed. `make bench` runs it after bench/run.sh.
#   bench/many-files.sh BIN
# Environment (all optional):
#   CC          compiler for the benchmark tools (cc)
#   BENCH_RUNS  runs of each measurement; the fastest counts (5)
#   BENCH_DIR   where bench/run.sh keeps gen-export and peak-rss (BIN's
#               directory/bench); they are built there when missing
#   BENCH_FILES how many exports (1000)
# The exports go to a temporary directory, removed at the end. Exits 1 when
# a measurement cannot be made, or when -j 2 prints anything -j 1 does not.
set -eu

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-$(dirname "$bin")/bench}
runs=${BENCH_RUNS:-5}
count=${BENCH_FILES:-1000}

fail() {
    echo "many-files: $*" >&2
    exit 1
}

mkdir -p "$dir"
for tool in gen-export peak-rss; do
    [ -x "$dir/$tool" ] || ${CC:-cc} -std=c11 -O2 -o "$dir/$tool" "$here/$tool.c" || fail "cannot build $tool"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/exports"

# Sizes from 2 KiB to 4 KiB, spread evenly; the same count gives the same files.
i=0
while [ "$i" -lt "$count" ]; do
    size=$((2048 + i * 2048 / count))
    "$dir/gen-export" "$size" "$work/exports/export-$i.reg" >/dev/null || fail "cannot write export $i"
    i=$((i + 1))
done
bytes=$(cat "$work/exports"/*.reg | wc -c)

# The fastest of $runs runs of a command, in seconds: sets secs.
measure() {
    secs=
    r=0
    while [ "$r" -lt "$runs" ]; do
        report=$("$dir/peak-rss" -o /dev/null "$@") || fail "cannot run $*"
        code=${report##* }
        # Exit status 1 means findings, which are not failures here.
        [ "$code" -le 1 ] || fail "exit status $code from: $*"
        secs=$(awk -v a="${secs:-${report%% *}}" -v b="${report%% *}" 'BEGIN { print (b < a ? b : a) }')
        r=$((r + 1))
    done
}

"$bin" lint -j 1 "$work/exports" >"$work/j1.out" 2>&1 || [ $? -eq 1 ] || fail "lint -j 1 failed"
"$bin" lint -j 2 "$work/exports" >"$work/j2.out" 2>&1 || [ $? -eq 1 ] || fail "lint -j 2 failed"
cmp -s "$work/j1.out" "$work/j2.out" || fail "lint -j 2 printed something else than lint -j 1"

measure "$bin" lint -j 1 "$work/exports"
one=$secs
measure "$bin" lint -j 2 "$work/exports"
two=$secs
# One process per file, as a loop in a shell would run it.
measure sh -c 'for f in "$1"/*.reg; do "$2" lint "$f" || [ $? -eq 1 ] || exit 3; done' sh "$work/exports" "$bin"
single=$secs

echo "many files: $count exports of 2 to 4 KiB ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB), fastest of $runs runs"
awk -v n="$count" -v one="$one" -v two="$two" -v single="$single" 'BEGIN {
    printf "  %-36s %8.3f s  %6.3f ms a file\n", "reglint lint -j 1 DIR", one, one * 1000 / n
    printf "  %-36s %8.3f s  %6.3f ms a file  (%.2f times as fast as -j 1)\n", "reglint lint -j 2 DIR", two,
           two * 1000 / n, (two > 0 ? one / two : 0)
    printf "  %-36s %8.3f s  %6.3f ms a file  (%.1f times the time of -j 1)\n", n " runs of reglint lint FILE", single,
           single * 1000 / n, (one > 0 ? single / one : 0)
}'
