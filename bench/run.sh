#!/bin/sh
# `make bench`: times reglint on synthetic regedit exports against the cost of
# merely decoding them, and reports its peak memory. See bench/README.md.
#   bench/run.sh BIN
# Environment (all optional):
#   CC              compiler for the benchmark tools (cc)
#   BENCH_SIZES     export sizes, K or M suffix for KiB or MiB ("2K 10M 100M")
#   BENCH_COMMANDS  what is measured (see `commands` below)
#   BENCH_RUNS      runs of each measurement; the fastest counts (5)
#   BENCH_POL_SIZE  size of the synthetic Registry.pol (10M)
#   BENCH_DIR       where the tools and exports go (BIN's directory/bench);
#                   exports already there are reused
# Exits 1 when a measurement cannot be made (a tool fails to build, a command
# fails, the reader disagrees with the generator); a missed target is reported
# in the table, not in the exit status: timings depend on the machine.
set -eu

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-$(dirname "$bin")/bench}
cc=${CC:-cc}
runs=${BENCH_RUNS:-5}
sizes=${BENCH_SIZES:-2K 10M 100M}
# One entry per reglint command measured: SUBCOMMAND:TARGET. Each runs as
# `reglint SUBCOMMAND FILE >/dev/null` on every export; TARGET is the largest
# ratio of its time to the decode floor that meets its goal.
commands=${BENCH_COMMANDS:-dump:5 lint:3}
# The decode floor: the least any reader of the file has to do.
floor='iconv -f UTF-16LE -t UTF-8 "$1" | wc -l'

mkdir -p "$dir"

fail() {
    echo "bench: $*" >&2
    exit 1
}

# Builds bench/NAME.c into $dir/NAME unless that is newer than its source.
tool() {
    exe=$dir/$1
    if [ ! -x "$exe" ] || [ -n "$(find "$here/$1.c" -newer "$exe")" ]; then
        $cc -std=c11 -O2 -Wall -Wextra -o "$exe" "$here/$1.c" || fail "cannot build $1"
    fi
}
tool gen-export
tool peak-rss

# Writes the export of size $1 (reused if the generator is older) and sets
# file, keys, values and dump_lines.
export_of() {
    file=$dir/export-$1.reg
    if [ ! -f "$file.counts" ] || [ -n "$(find "$dir/gen-export" -newer "$file.counts")" ]; then
        "$dir/gen-export" "$1" "$file.tmp" >"$file.counts.tmp" || fail "cannot write $file"
        mv "$file.tmp" "$file"
        mv "$file.counts.tmp" "$file.counts"
    fi
    read -r keys values dump_lines <"$file.counts"
}

# The fastest of $runs runs of a command: sets secs, and rss to the largest
# peak RSS seen (KiB).
measure() {
    secs=
    rss=0
    i=0
    while [ "$i" -lt "$runs" ]; do
        report=$("$dir/peak-rss" -o /dev/null "$@") || fail "cannot run $*"
        t=${report%% *}
        rest=${report#* }
        r=${rest%% *}
        code=${rest#* }
        # Exit status 1 means findings, which are not failures here.
        [ "$code" -le 1 ] || fail "exit status $code from: $*"
        secs=$(awk -v a="${secs:-$t}" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
        [ "$r" -le "$rss" ] || rss=$r
        i=$((i + 1))
    done
}

# Checks that reglint reads the export as the generator wrote it.
check_export() {
    lines=$("$bin" dump "$file" 2>"$dir/check.err" | wc -l) || fail "reglint dump failed on $file"
    [ ! -s "$dir/check.err" ] || fail "reglint reported problems in $file: $(head -n 3 "$dir/check.err")"
    [ "$lines" -eq "$dump_lines" ] ||
        fail "reglint dump printed $lines lines for $file, the generator expected $dump_lines"
}

rows=$dir/rows
: >"$rows"
for size in $sizes; do
    export_of "$size"
    check_export
    bytes=$(wc -c <"$file")
    measure sh -c "$floor" sh "$file"
    floor_secs=$secs
    for entry in $commands; do
        command=${entry%%:*}
        target=${entry#*:}
        measure "$bin" "$command" "$file"
        echo "$size $bytes $keys $values $command $floor_secs $secs $target $rss" >>"$rows"
    done
done

echo "reglint benchmark: fastest of $runs runs; floor = $floor"
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "machine: $(uname -sr), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs${cpu:+ ($cpu)}"
[ -c /dev/null ] || echo "note: /dev/null is a regular file here, so writing output to it takes time"
awk '
BEGIN {
    printf "%-6s %8s %8s %8s %-7s %8s %8s %6s %6s %8s %8s  %s\n", "size", "MB", "keys", "values",
           "command", "floor s", "time s", "ratio", "target", "RSS MB", "RSS/size", "verdict"
}
{
    size = $1; bytes = $2; command = $5; floor = $6; secs = $7; target = $8; rss = $9 * 1024
    ratio = floor > 0 ? secs / floor : 0
    verdict = "ok"
    if (ratio > target) verdict = "SLOW"
    # Below 1 MiB the program and its libraries outweigh any file.
    if (rss > bytes && bytes >= 1048576) verdict = (verdict == "ok" ? "" : verdict ",") "BIG"
    printf "%-6s %8.1f %8d %8d %-7s %8.3f %8.3f %6.2f %6s %8.1f %8.2f  %s\n", size, bytes / 1048576,
           $3, $4, command, floor, secs, ratio, "<=" target, rss / 1048576, rss / bytes, verdict
    # Cost per byte at the smallest and the largest export of at least 1 MiB.
    if (bytes >= 1048576) {
        if (!(command in small) || bytes < small_bytes[command]) {
            small[command] = secs / bytes; small_bytes[command] = bytes
        }
        if (!(command in large) || bytes > large_bytes[command]) {
            large[command] = secs / bytes; large_bytes[command] = bytes
        }
    }
}
END {
    for (command in small) {
        if (large_bytes[command] == small_bytes[command]) continue
        growth = large[command] / small[command]
        note = growth > 1.25 ? "  NOT LINEAR" : ""
        printf "scaling: %s takes %.2f times as long per MB at %.0f MB as at %.0f MB (1.00 is linear)%s\n",
               command, growth, large_bytes[command] / 1048576, small_bytes[command] / 1048576,
               note
    }
}' "$rows"

# A Registry.pol: showing it (`reglint show`: the PReg records and their
# rendering as .reg text, which show prints without reading it back), linting
# it (the records, the rendering, the .reg reader over it, the model and the
# checks) and dumping it (the same reading, then the dump), against reading
# its bytes and decoding its UTF-16 (binary fields and all, hence iconv -c).
pol_size=${BENCH_POL_SIZE:-10M}
tool gen-pol
pol=$dir/policy-$pol_size.pol
if [ ! -f "$pol" ] || [ -n "$(find "$dir/gen-pol" -newer "$pol")" ]; then
    "$dir/gen-pol" "$pol_size" "$pol.tmp" >/dev/null || fail "cannot write $pol"
    mv "$pol.tmp" "$pol"
fi
"$bin" lint --root machine "$pol" >/dev/null || fail "reglint found problems in $pol"
measure sh -c 'iconv -c -f UTF-16LE -t UTF-8 "$1" | wc -l' sh "$pol"
pol_floor=$secs
echo "Registry.pol ($(wc -c <"$pol") bytes): floor = iconv -c -f UTF-16LE -t UTF-8 FILE | wc -l, $pol_floor s"
for entry in show:3 lint:3 dump:4; do
    command=${entry%%:*}
    target=${entry#*:}
    measure "$bin" "$command" --root machine "$pol"
    awk -v c="$command" -v s="$secs" -v f="$pol_floor" -v t="$target" -v r="$rss" 'BEGIN {
        ratio = f > 0 ? s / f : 0
        printf "  %-5s %8.3f s  ratio %5.2f  target <=%s  RSS %.1f MB  %s\n", c, s, ratio, t, r / 1024,
               (ratio > t ? "SLOW" : "ok")
    }'
done

# Registry hives: `reglint posture SYSTEM SOFTWARE` on a full-size pair,
# made by hivexregedit from the exports above (SOFTWARE from the 100 MiB
# one, about 50 MiB of hive as a real SOFTWARE is 50 to 100 MB; SYSTEM from
# the 10 MiB one moved under HKEY_LOCAL_MACHINE\SYSTEM) with the keys of
# tests/golden/hive's image added. Target: within a second. Made once and
# kept in $dir (hivexregedit takes about 20 s for the SOFTWARE hive);
# skipped, saying why, without hivexregedit or libhivex.
hive_of() {
    name=$1
    size=$2
    image=$3
    export_of "$size"
    hive=$dir/$name-$size.hive
    if [ ! -f "$hive" ] || [ -n "$(find "$file" "$image" -newer "$hive")" ]; then
        iconv -f UTF-16LE -t UTF-8 "$file" |
            sed "s/^\\[HKEY_LOCAL_MACHINE\\\\SOFTWARE/[HKEY_LOCAL_MACHINE\\\\$name/" >"$dir/$name.utf8.reg"
        sh "$here/../tests/hive/mkhive.sh" "$hive.tmp" "HKEY_LOCAL_MACHINE\\$name" \
            "$dir/$name.utf8.reg" "$image" >/dev/null || fail "cannot make $hive"
        rm -f "$dir/$name.utf8.reg"
        mv "$hive.tmp" "$hive"
    fi
}
if ! command -v hivexregedit >/dev/null 2>&1; then
    echo "registry hives: skipped: no hivexregedit (scripts/ensure-deps hive-test installs it)"
elif "$bin" dump --mount 'HKLM\X' "$here/../tests/hive/minimal" 2>&1 | grep -q 'needs libhivex'; then
    echo "registry hives: skipped: this reglint was built without libhivex"
else
    hive_of SOFTWARE 100M "$here/../tests/golden/hive/software.reg"
    software=$hive
    hive_of SYSTEM 10M "$here/../tests/golden/hive/system.reg"
    system=$hive
    "$bin" posture "$system" "$software" 2>/dev/null | grep -q 'on Windows Server 2019' ||
        fail "reglint posture did not read the hives' target"
    measure "$bin" posture "$system" "$software"
    awk -v s="$secs" -v r="$rss" -v a="$(wc -c <"$system")" -v b="$(wc -c <"$software")" 'BEGIN {
        printf "registry hives: posture SYSTEM (%.1f MB) SOFTWARE (%.1f MB): %.3f s  target <=1  RSS %.1f MB  %s\n",
               a / 1048576, b / 1048576, s, r / 1024, (s > 1 ? "SLOW" : "ok")
    }'
    measure "$bin" dump --all-keys "$software"
    echo "registry hives: dump --all-keys SOFTWARE (every key, for comparison): $secs s, RSS $((rss / 1024)) MB"
fi

# Many small files in one run, in parallel, and one run per file.
sh "$here/many-files.sh" "$bin"
