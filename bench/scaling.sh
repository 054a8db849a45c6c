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
#   SCALING_RUNS       runs of each measurement; the fastest counts (5)
#   SCALING_MAX_RATIO  the largest ratio that passes (5)
#   SCALING_MAX_MB     address space allowed to each run, MiB (1024)
#   BENCH_DIR          where the tool and the inputs go (BIN's directory/bench)
# Exits 1 when a line fails or a measurement cannot be made.
set -eu

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-$(dirname "$bin")/bench}/scaling
cc=${CC:-cc}
runs=${SCALING_RUNS:-5}
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
profile-values:2000:gen,lint-profile}

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
        } else {
            exit 2
        }
    }' >"$3" || fail "no shape named $1"
}

# The command line of command $1 on input $2: sets argv (as "$@" of a
# function) through `set --` in the caller.
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

# The fastest of $runs runs (fewer once a run takes over a second) of
# reglint with the arguments given, in CPU time, each stopped after $cap
# seconds of wall time: sets secs, rss (the largest peak, KiB) and code (the fastest run's exit status; 124 when every
# run was stopped).
measure() {
    secs=
    rss=0
    code=124
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        report=$("$peak" -c -o /dev/null -t "$cap" -m "$max_mb" "$bin" "$@") || fail "cannot run reglint $*"
        t=${report%% *}
        rest=${report#* }
        r=${rest%% *}
        c=${rest#* }
        [ "$r" -le "$rss" ] || rss=$r
        [ "$c" -ne 124 ] || break
        if [ -z "$secs" ] || [ "$(awk -v a="$secs" -v b="$t" 'BEGIN { print (b < a) }')" -eq 1 ]; then
            secs=$t
            code=$c
        fi
        # Findings (1) are expected; anything above fails the line.
        [ "$c" -le 1 ] || break
        [ "$(awk -v t="$t" 'BEGIN { print (t > 1) }')" -eq 0 ] || break
    done
    secs=${secs:-$cap}
}

rows=$dir/rows
: >"$rows"
for entry in $shapes; do
    shape=${entry%%:*}
    rest=${entry#*:}
    n=${rest%%:*}
    commands=$(echo "${rest#*:}" | tr , ' ')
    case $shape in profile-*) ext=profile ;; *) ext=reg ;; esac
    small=$dir/$shape-$n.$ext
    large=$dir/$shape-$((4 * n)).$ext
    [ -f "$small" ] || generate "$shape" "$n" "$small"
    [ -f "$large" ] || generate "$shape" "$((4 * n))" "$large"
    for command in $commands; do
        if [ "$command" = lint-profile ]; then
            for input in "$small" "$large"; do
                [ -f "$input.reg" ] || "$bin" gen "$input" >"$input.reg" ||
                    fail "reglint gen $input failed"
            done
        fi
        # At N no cap but a generous one. At 4N a run is stopped once its
        # wall time is twice MAX_RATIO times the CPU time at N, and half a
        # second more: a linear program stays well within that on a busy
        # machine, a quadratic one (16 times) has failed by then.
        cap=120
        set -- $(command_line "$command" "$small")
        measure "$@"
        small_secs=$secs small_rss=$rss small_code=$code
        cap=$(awk -v s="$small_secs" -v r="$max_ratio" 'BEGIN { printf "%.3f", 2 * r * s + 0.5 }')
        set -- $(command_line "$command" "$large")
        measure "$@"
        echo "$shape $command $n $small_secs $secs $small_rss $rss $small_code $code $cap" >>"$rows"
    done
done

echo "reglint scaling: each command at N and at 4N items; CPU time, fastest of $runs runs; a ratio above $max_ratio fails (linear: 4, quadratic: 16)"
echo "machine: $(uname -sr), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs"
awk -v max="$max_ratio" '
BEGIN {
    printf "%-20s %-13s %7s %8s %8s %6s %8s %8s %6s  %s\n", "shape", "command", "N", "time N", "time 4N",
           "ratio", "RSS N", "RSS 4N", "ratio", "verdict"
    failed = 0
}
{
    shape = $1; command = $2; n = $3; t1 = $4; t4 = $5; r1 = $6; r4 = $7; c1 = $8; c4 = $9; cap = $10
    tr = t1 > 0 ? t4 / t1 : 0
    mr = r1 > 0 ? r4 / r1 : 0
    verdict = "ok"
    if (c1 > 1 || (c4 > 1 && c4 != 124)) verdict = "FAIL (exit status " (c1 > 1 ? c1 : c4) ")"
    else if (c4 == 124) verdict = "FAIL (stopped at " cap " s)"
    else if (tr > max) verdict = "FAIL (time)"
    else if (mr > max) verdict = "FAIL (memory)"
    if (verdict != "ok") failed++
    printf "%-20s %-13s %7d %8.3f %8.3f %6.2f %7.1fM %7.1fM %6.2f  %s\n", shape, command, n, t1, t4,
           tr, r1 / 1024, r4 / 1024, mr, verdict
}
END {
    printf "scaling: %d of %d lines failed\n", failed, NR
    exit failed > 0
}' "$rows"
