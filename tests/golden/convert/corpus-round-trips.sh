#!/bin/sh
# Converts every file of the policy corpus (tests/corpus/policy) and reads the
# result back, printing how many came back the same and, by name, every file
# that did not or that a format refused (with the first line of why).
#   sh corpus-round-trips.sh      (reglint is $REGLINT)
# - .pol -> .pol: the same bytes;
# - .pol -> .reg, .pol -> LGPO text -> .pol, .pol -> Registry.xml: the same dump;
# - LGPO text, GptTmpl.inf, Registry.xml and GPO folders -> .pol (a Machine
#   and a User file): the same dump.
set -u
LC_ALL=C
export LC_ALL
corpus=$(cd "$(dirname "$0")/../../corpus/policy" && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
r() { "$REGLINT" "$@"; }
# check NAME: counts a success, or prints NAME and why (the last line of $t/err).
same=0
check() {
    if [ "$1" = ok ]; then
        same=$((same + 1))
    else
        printf '  %s: %s\n' "$2" "$(tail -n 1 "$t/err" | sed "s|$corpus/||; s|$t/||g")"
    fi
}
summary() {
    echo "$1: $same the same"
    same=0
}
dump() { r dump --root "${2:-machine}" "$1" 2>/dev/null; }

for f in "$corpus"/pol/*.pol; do
    n=pol/$(basename "$f")
    if r convert "$f" --to pol -o "$t/x.pol" 2>"$t/err"; then
        if cmp -s "$f" "$t/x.pol"; then check ok; else echo "differ" >"$t/err"; check no "$n"; fi
    else check no "$n"; fi
done
summary ".pol -> .pol, the same bytes"
for to in reg gpp lgpo; do
    for f in "$corpus"/pol/*.pol; do
        n=pol/$(basename "$f")
        if r convert "$f" --to $to -o "$t/x.$to" 2>"$t/err"; then
            if [ $to = lgpo ]; then
                r convert "$t/x.lgpo" --to pol -o "$t/x.pol" 2>"$t/err" || { check no "$n"; continue; }
                dump "$t/x.pol" >"$t/b"
            else
                dump "$t/x.$to" >"$t/b"
            fi
            dump "$f" >"$t/a"
            if cmp -s "$t/a" "$t/b"; then check ok; else echo "dumps differ" >"$t/err"; check no "$n"; fi
        else check no "$n"; fi
    done
    case $to in
    lgpo) summary ".pol -> LGPO text -> .pol, the same dump" ;;
    *) summary ".pol -> $to, the same dump" ;;
    esac
done
# to_pols FILE: FILE to a Machine and a User .pol, whose dumps together are FILE's.
to_pols() {
    n=${1#"$corpus"/}
    if r convert "$1" --to pol -o "$t/m.pol" --user-out "$t/u.pol" 2>"$t/err"; then
        dump "$1" | LC_ALL=C sort >"$t/a"
        { dump "$t/m.pol"; dump "$t/u.pol" user; } | LC_ALL=C sort >"$t/b"
        if cmp -s "$t/a" "$t/b"; then check ok; else echo "dumps differ" >"$t/err"; check no "$n"; fi
    else check no "$n"; fi
}
for f in "$corpus"/lgpo/*.txt "$corpus"/inf/*.inf "$corpus"/gpp/*.xml; do
    to_pols "$f"
done
summary "LGPO text, GptTmpl.inf, Registry.xml -> Machine and User .pol, the same dump"
for f in "$corpus"/gpo/*; do
    to_pols "$f"
done
summary "GPO folders -> Machine and User .pol, the same dump"
