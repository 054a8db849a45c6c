#!/bin/sh
# `make bench-peers`: reglint against two other programs that read a regedit
# export all the way through, on the synthetic export of `make bench`:
#   - Wine's `reg import`, which applies the file to Wine's registry (a
#     prefix of its own under the bench directory);
#   - hivex's `hivexregedit --merge`, which writes the file into a hive file
#     (an empty hive made here, under HKEY_LOCAL_MACHINE\SOFTWARE).
# It prints each one's time and its ratio to `reglint dump` and `reglint
# lint`, measured as bench/run.sh measures them (which it runs first). Both
# peers are checked to hold every key of the export afterwards, so that a
# peer that stops early cannot look fast. Figures, not a test.
#   bench/peers.sh BIN
# Environment (all optional):
#   PEERS_SIZE  the export's size, K or M suffix (100M: about 2 minutes on 2 CPUs)
#   BENCH_RUNS  runs of each measurement; the fastest counts (3)
#   BENCH_DIR   as for bench/run.sh
# Needs Wine (64-bit) and hivexregedit: `make bench-peers` installs them.
set -eu

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-$(dirname "$bin")/bench}
size=${PEERS_SIZE:-100M}
runs=${BENCH_RUNS:-3}
mkdir -p "$dir"

fail() {
    echo "bench-peers: $*" >&2
    exit 1
}

# reglint first: this also builds the tools, writes the export and checks
# that reglint reads all of it.
BENCH_SIZES=$size BENCH_COMMANDS="dump:5 lint:3" BENCH_RUNS=$runs BENCH_DIR=$dir \
    sh "$here/run.sh" "$bin" || fail "bench/run.sh failed"
file=$dir/export-$size.reg
read -r keys values _ <"$file.counts"
reglint_secs() { awk -v c="$1" '$5 == c { print $7 }' "$dir/rows"; }

# The fastest of $runs runs of a command, into $secs; before each run, the
# command named by $1 puts the peer back to where it starts (empty).
fastest() {
    reset=$1
    shift
    secs=
    i=0
    while [ "$i" -lt "$runs" ]; do
        "$reset"
        report=$("$dir/peak-rss" -o "$dir/peer.out" "$@") || fail "cannot run $*"
        t=${report%% *}
        code=${report##* }
        [ "$code" -eq 0 ] || fail "exit status $code from: $* ($(head -c 300 "$dir/peer.out"))"
        secs=$(awk -v a="${secs:-$t}" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
        i=$((i + 1))
    done
}

# Keys in a regedit export written as UTF-8 on standard input.
count_keys() { grep -c '^\['; }

# ------------------------------------------------------------------ Wine
WINEPREFIX=$dir/wine-prefix
# shellcheck source=scripts/wine-env
. "$here/../scripts/wine-env"
trap '"$wineserver" -k 2>/dev/null || true' EXIT

# Wine's copy of the export lives under a key of its own, so that deleting
# that one key empties it between runs without touching Wine's own keys.
wine_key='HKEY_LOCAL_MACHINE\SOFTWARE\reglint-bench'
wine_file=$dir/wine-export-$size.reg
iconv -f UTF-16LE -t UTF-8 "$file" |
    sed 's/^\[\(-\{0,1\}\)HKEY_LOCAL_MACHINE\\SOFTWARE/[\1HKEY_LOCAL_MACHINE\\SOFTWARE\\reglint-bench/' |
    iconv -f UTF-8 -t UTF-16LE >"$wine_file"
wine_reset() { "$wine" reg delete "$wine_key" /f >/dev/null 2>&1 || true; }
fastest wine_reset "$wine" reg import "$wine_file"
wine_secs=$secs
"$wine" reg export "$wine_key" "$dir/wine-back.reg" /y >/dev/null 2>&1 || fail "reg export failed"
held=$(iconv -f UTF-16LE -t UTF-8 "$dir/wine-back.reg" | count_keys)
[ "$held" -eq "$keys" ] || fail "Wine holds $held keys after reg import, the export has $keys"
wine_reset
wine_version=$("$wine" --version 2>/dev/null | sed 's/ .*//')

# ----------------------------------------------------------------- hivex
# hivexregedit reads the export as text, not as UTF-16.
hivex_file=$dir/hivex-export-$size.reg
iconv -f UTF-16LE -t UTF-8 "$file" >"$hivex_file"
# hivex cannot create a hive, only change one: this writes the smallest
# hive it opens, in the regf format: a 4 KiB base block (with the XOR
# checksum of its first 508 bytes), then one 4 KiB bin holding the root key
# ("nk" cell), the security descriptor it points at ("sk" cell) and free
# space.
perl -e '
    use strict;
    use warnings;
    my ($out) = @ARGV;
    my ($bin_size, $nk_at, $sk_at, $free_at) = (0x1000, 0x20, 0x78, 0xA8);
    my $cell = sub { my ($size, $body) = @_; pack("l<", -$size) . $body . "\0" x ($size - 4 - length $body) };
    my $name = "ROOT";
    # flags 0x2C: hive entry, not deletable, ASCII name; no subkeys, values or class.
    my $nk = pack("a2 v Q< V V V V V V V V V V v v V V V V v v a*", "nk", 0x2C, 0, 0, 0, 0, 0,
        0xFFFFFFFF, 0xFFFFFFFF, 0, 0xFFFFFFFF, $sk_at, 0xFFFFFFFF, 0, 0, 0, 0, 0, 0, length $name, 0, $name);
    # A self-relative security descriptor with no owner, group or lists.
    my $sd = pack("C C v V V V V", 1, 0, 0x8004, 0, 0, 0, 0);
    my $sk = pack("a2 v V V V V", "sk", 0, $sk_at, $sk_at, 1, length $sd) . $sd;
    my $bin = pack("a4 V V V V Q< V", "hbin", 0, $bin_size, 0, 0, 0, 0)
        . $cell->($sk_at - $nk_at, $nk) . $cell->($free_at - $sk_at, $sk) . pack("l<", $bin_size - $free_at);
    $bin .= "\0" x ($bin_size - length $bin);
    my $base = pack("a4 V V Q< V V V V V V V", "regf", 1, 1, 0, 1, 3, 0, 1, $nk_at, $bin_size, 1);
    $base .= "\0" x (508 - length $base);
    my $sum = 0;
    $sum ^= $_ for unpack("V127", $base);
    $sum = $sum == 0 ? 1 : $sum == 0xFFFFFFFF ? 0xFFFFFFFE : $sum;
    $base .= pack("V", $sum);
    $base .= "\0" x (4096 - length $base);
    open my $fh, ">:raw", $out or die "$out: $!\n";
    print $fh $base, $bin or die "$out: $!\n";
    close $fh or die "$out: $!\n";
' "$dir/empty.hive" || fail "cannot write an empty hive"
hive=$dir/peer.hive
hivex_reset() { cp "$dir/empty.hive" "$hive"; }
hivex_prefix='HKEY_LOCAL_MACHINE\SOFTWARE'
fastest hivex_reset hivexregedit --merge --prefix "$hivex_prefix" "$hive" "$hivex_file"
hivex_secs=$secs
held=$(hivexregedit --export --prefix "$hivex_prefix" "$hive" '\' 2>/dev/null | count_keys)
[ "$held" -eq "$keys" ] || fail "the hive holds $held keys after hivexregedit, the export has $keys"
hivex_version=$(dpkg-query -W -f '${Version}' libwin-hivex-perl 2>/dev/null || echo '?')

# ----------------------------------------------------------------- table
echo
echo "peers: export-$size.reg ($(wc -c <"$file" | awk '{ printf "%.1f", $1 / 1048576 }') MB," \
    "$keys keys, $values values), fastest of $runs runs"
debian=$(cat /etc/debian_version 2>/dev/null || echo '?')
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "machine: $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs${cpu:+ ($cpu)}, Debian $debian, $(uname -sr)"
dump=$(reglint_secs dump)
lint=$(reglint_secs lint)
{
    echo "reglint dump|$dump"
    echo "reglint lint|$lint"
    echo "reg import (${wine_version:-wine})|$wine_secs"
    echo "hivexregedit --merge (hivex $hivex_version)|$hivex_secs"
} | awk -F'|' -v dump="$dump" -v lint="$lint" '
BEGIN { printf "%-42s %8s %8s %8s\n", "command", "time s", "x dump", "x lint" }
{ printf "%-42s %8.3f %8.1f %8.1f\n", $1, $2, $2 / dump, $2 / lint }'
