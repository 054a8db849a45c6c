#!/bin/sh
# The scaling benchmark (the end of `make bench`): for each input shape that
# once made reglint take quadratic time or memory, runs each command on an
# input of N items and on one of 4N, and fails when the time or the peak
# memory grows more than MAX_RATIO times (linear growth gives 4, quadratic 16).
# See bench/README.md.
#   bench/scaling.sh BIN
# Environment (all optional):
#   CC                 compiler for peak-rss (cc)
#   SCALING_SHAPES     the shapes to run (all of them; see `shapes` below)
#   SCALING_RUNS       runs at each size, N and 4N in turn; the fastest counts (7)
#   SCALING_MAX_RATIO  the largest ratio that passes (5)
#   SCALING_MAX_MB     address space allowed to each run, MiB (1024)
#   BENCH_DIR          where the tool and the inputs go (BIN's directory/bench)
# Exits 1 when a line fails or a measurement cannot be made.
set -eu

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-$(dirname "$bin")/bench}/scaling
cc=${CC:-cc}
runs=${SCALING_RUNS:-7}
max_ratio=${SCALING_MAX_RATIO:-5}
max_mb=${SCALING_MAX_MB:-1024}
# SHAPE:N:COMMAND[,COMMAND...]. N is chosen so that a linear program takes
# 10 to 30 ms of CPU at N: long enough to time, and small enough that the
# data stay near the processor's caches at 4N too. Past them (a few hundred
# thousand values) a linear program's time grows 5 times for 4 times the
# items, and the line would fail for the memory hierarchy's sake. The
# commands are named in `command_line`.
shapes=${SCALING_SHAPES:-repeated-values:50000:lint
delete-readd:12500:lint
many-keys:25000:lint,dump
many-values:25000:lint,dump
many-findings:12500:lint,fix
suppressed-findings:12500:lint
profile-keys:2000:gen,lint-profile
profile-values:2000:gen,lint-profile
lgpo-delete-all:12500:lint,dump
gpp-create:12500:lint,dump}

mkdir -p "$dir"

fail() {
    echo "scaling: $*" >&2
    exit 1
}

peak=$dir/peak-rss
if [ ! -x "$peak" ] || [ -n "$(find "$here/peak-rss.c" -newer "$peak")" ]; then
    $cc -std=c11 -O2 -Wall -Wextra -o "$peak" "$here/peak-rss.c" || fail "cannot build peak-rss"
fi

# Writes the input of shape $1 with $2 items to $3 (a .reg file or a profile).
# The .reg files are ANSI with CRLF, as regedit's REGEDIT4 files are.
generate() {
    awk -v shape="$1" -v n="$2" '
    function line(s) { printf "%s\r\n", s }
    function header() { line("Windows Registry Editor Version 5.00"); line("") }
    BEGIN {
        if (shape == "repeated-values") {
            # One value set n times in one key (RL2001 with n - 1 edits).
            header(); line("[HKEY_CURRENT_USER\\Software\\Bench]")
            for (i = 0; i < n; i++) line(sprintf("\"v\"=dword:%08x", i))
        } else if (shape == "delete-readd") {
            # A key deleted and given a new subkey, n times.
            header()
            for (i = 0; i < n; i++) {
                line("[-HKEY_CURRENT_USER\\Software\\Bench]"); line("")
                line(sprintf("[HKEY_CURRENT_USER\\Software\\Bench\\K%d]", i)); line("")
            }
        } else if (shape == "many-keys") {
            # In groups of 100, so that sorting each group costs the same at
            # any n.
            header()
            for (i = 0; i < n; i++) {
                line(sprintf("[HKEY_CURRENT_USER\\Software\\Bench\\G%d\\K%d]", int(i / 100), i))
                line(sprintf("\"v\"=dword:%08x", i)); line("")
            }
        } else if (shape == "many-values") {
            header(); line("[HKEY_CURRENT_USER\\Software\\Bench]")
            for (i = 0; i < n; i++) line(sprintf("\"v%d\"=\"%d\"", i, i))
        } else if (shape == "many-findings") {
            # n unused suppressions: n RL0001 findings, each with a fix.
            header(); line("[HKEY_CURRENT_USER\\Software\\Bench]")
            for (i = 0; i < n; i++) {
                line("; reglint-disable-next-line RL2001")
                line(sprintf("\"v%d\"=dword:1", i))
            }
        } else if (shape == "suppressed-findings") {
            # n findings (RL2001), each after a directive of its own: a
            # disable-next-line, a disable never enabled again, and a
            # disable-next-key with no key after it, in turn.
            header(); line("[HKEY_CURRENT_USER\\Software\\Bench]")
            split("reglint-disable-next-line reglint-disable reglint-disable-next-key", kind, " ")
            for (i = 0; i < n; i++) {
                line(sprintf("\"v%d\"=dword:0", i))
                line(sprintf("; %s RL2001", kind[i % 3 + 1]))
                line(sprintf("\"v%d\"=dword:1", i))
            }
        } else if (shape == "profile-keys") {
            print "profile \"bench\" {"
            for (i = 0; i < n; i++)
                printf "  key \"HKLM\\SOFTWARE\\Bench\\K%d\" { value \"v\" dword %d }\n", i, i
            print "}"
        } else if (shape == "profile-values") {
            print "profile \"bench\" {"
            print "  key \"HKLM\\SOFTWARE\\Bench\" {"
            for (i = 0; i < n; i++) printf "    value \"v%d\" dword %d\n", i, i
            print "  }"
            print "}"
        } else if (shape == "lgpo-delete-all") {
            # LGPO text: n values of one key, then DELETEALLVALUES, which
            # deletes each value set before it.
            for (i = 0; i < n; i++) {
                line("Computer"); line("SOFTWARE\\Bench"); line(sprintf("v%d", i))
                line(sprintf("DWORD:%d", i)); line("")
            }
            line("Computer"); line("SOFTWARE\\Bench"); line("*"); line("DELETEALLVALUES")
        } else if (shape == "gpp-create") {
            # Group Policy Preferences: n Create items of one key, each
            # written only where its value is not already set.
            line("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
            line("<RegistrySettings clsid=\"{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}\">")
            for (i = 0; i < n; i++)
                line(sprintf("<Registry name=\"v%d\"><Properties action=\"C\" hive=\"HKEY_LOCAL_MACHINE\" key=\"SOFTWARE\\Bench\" name=\"v%d\" type=\"REG_DWORD\" value=\"%08x\"/></Registry>", i, i, i))
            line("</RegistrySettings>")
        } else {
            exit 2
        }
    }' >"$3" || fail "no shape named $1"
}

# The arguments of reglint for command $1 on input $2 (paths without
# blanks: they are split on them).
command_line() {
    case $1 in
    lint) echo "lint $2" ;;
    dump) echo "dump $2" ;;
    # One pass of fixes over every finding, printed as a diff.
    fix) echo "lint --diff $2" ;;
    gen) echo "gen $2" ;;
    # The profile against what gen writes for it (every requirement met).
    lint-profile) echo "lint --profile $2 $2.reg" ;;
    *) fail "no command named $1" ;;
    esac
}

# One run of reglint with the arguments given, stopped after $cap seconds
# of wall time: sets t (CPU seconds), r (peak RSS, KiB) and c (exit status,
# 124 when stopped).
run_once() {
    report=$("$peak" -c -o /dev/null -t "$cap" -m "$max_mb" "$bin" "$@") || fail "cannot run reglint $*"
    t=${report%% *}
    rest=${report#* }
    r=${rest%% *}
    c=${rest#* }
}

# The median of the numbers given.
median() {
    echo "$@" | tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs command $1 on $small and on $large in turn, $runs times (fewer once a
# run at 4N takes over a second), so that both sizes meet the same load on a
# busy machine; the medians count, the least swayed by a busy moment. Sets
# small_secs, large_secs (the median CPU seconds), ratio (the median of the
# runs' ratios), small_rss, large_rss (the largest peak RSS), small_code and
# large_code (the largest exit status; 124 when a run at 4N was stopped).
measure_pair() {
    small_times= large_times= ratios=
    small_code=0 small_rss=0 large_code=0 large_rss=0
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        cap=120
        run_once $(command_line "$1" "$small")
        small_t=$t
        small_times="$small_times $t"
        [ "$r" -le "$small_rss" ] || small_rss=$r
        [ "$c" -le "$small_code" ] || small_code=$c
        # A run at 4N is stopped once its wall time is twice MAX_RATIO times
        # the CPU time at N, and half a second more: a linear program stays
        # well within that on a busy machine, a quadratic one (16 times) has
        # failed by then.
        cap=$(awk -v s="$small_t" -v r="$max_ratio" 'BEGIN { printf "%.3f", 2 * r * s + 0.5 }')
        run_once $(command_line "$1" "$large")
        [ "$r" -le "$large_rss" ] || large_rss=$r
        [ "$c" -le "$large_code" ] || large_code=$c
        if [ "$c" -eq 124 ]; then
            large_times=$cap
            ratios=$(awk -v a="$cap" -v b="$small_t" 'BEGIN { print a / b }')
            break
        fi
        large_times="$large_times $t"
        ratios="$ratios $(awk -v a="$t" -v b="$small_t" 'BEGIN { print (b > 0 ? a / b : 0) }')"
        # Findings (1) are expected; anything above fails the line.
        [ "$small_code" -le 1 ] && [ "$large_code" -le 1 ] || break
        [ "$(awk -v t="$t" 'BEGIN { print (t > 1) }')" -eq 0 ] || break
    done
    small_secs=$(median $small_times)
    large_secs=$(median $large_times)
    ratio=$(median $ratios)
}

rows=$dir/rows
: >"$rows"
for entry in $shapes; do
    shape=${entry%%:*}
    rest=${entry#*:}
    n=${rest%%:*}
    commands=$(echo "${rest#*:}" | tr , ' ')
    case $shape in profile-*) ext=profile ;; lgpo-*) ext=txt ;; gpp-*) ext=xml ;; *) ext=reg ;; esac
    small=$dir/$shape-$n.$ext
    large=$dir/$shape-$((4 * n)).$ext
    # Inputs are reused until this script changes.
    for size in "$n" "$((4 * n))"; do
        input=$dir/$shape-$size.$ext
        if [ ! -f "$input" ] || [ -n "$(find "$here/scaling.sh" -newer "$input")" ]; then
            generate "$shape" "$size" "$input"
        fi
    done
    for command in $commands; do
        if [ "$command" = lint-profile ]; then
            for input in "$small" "$large"; do
                if [ ! -f "$input.reg" ] || [ -n "$(find "$input" -newer "$input.reg")" ]; then
                    "$bin" gen "$input" >"$input.reg" || fail "reglint gen $input failed"
                fi
            done
        fi
        measure_pair "$command"
        # A linear program's time grows 4 to 5 times here (caches, a busy
        # machine), a quadratic one's 10 to 16 times: a time ratio just
        # above the limit is measured once more, and the second counts.
        again=0
        if [ "$large_code" -le 1 ] &&
            [ "$(awk -v r="$ratio" -v m="$max_ratio" 'BEGIN { print (r > m && r < 2 * m) }')" -eq 1 ]; then
            measure_pair "$command"
            again=1
        fi
        echo "$shape $command $n $small_secs $large_secs $ratio $small_rss $large_rss $small_code $large_code $again" >>"$rows"
    done
done

echo "reglint scaling: each command at N and at 4N items, $runs runs of each in turn; CPU time (medians; the ratio is the median of the runs' ratios) and peak RSS; a ratio above $max_ratio fails (linear: 4, quadratic: 16)"
echo "machine: $(uname -sr), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs"
awk -v max="$max_ratio" '
BEGIN {
    printf "%-20s %-13s %7s %8s %8s %6s %8s %8s %6s  %s\n", "shape", "command", "N", "time N", "time 4N",
           "ratio", "RSS N", "RSS 4N", "ratio", "verdict"
    failed = 0
}
{
    shape = $1; command = $2; n = $3; t1 = $4; t4 = $5; tr = $6; r1 = $7; r4 = $8; c1 = $9; c4 = $10
    again = $11
    mr = r1 > 0 ? r4 / r1 : 0
    verdict = "ok"
    if (c1 > 1 || (c4 > 1 && c4 != 124)) verdict = "FAIL (exit status " (c1 > 1 ? c1 : c4) ")"
    else if (c4 == 124) verdict = "FAIL (stopped at " t4 " s)"
    else if (tr > max) verdict = "FAIL (time)"
    else if (mr > max) verdict = "FAIL (memory)"
    if (again) verdict = verdict " (measured twice)"
    if (verdict !~ /^ok/) failed++
    printf "%-20s %-13s %7d %8.3f %8.3f %6.2f %7.1fM %7.1fM %6.2f  %s\n", shape, command, n, t1, t4,
           tr, r1 / 1024, r4 / 1024, mr, verdict
}
END {
    printf "scaling: %d of %d lines failed\n", failed, NR
    exit failed > 0
}' "$rows"
