#!/bin/sh
# The cipher-suite and curve catalogue (data/suites.txt, from which reglint's
# tables are generated) against Microsoft's pages it was copied from
# (tests/sources/, exact copies; origin in tests/sources/SOURCES.tsv). For
# each list of the data file: the page's names, in the page's order, each
# with the same section (enabled by default, supported, PSK) and the same
# "only on request" mark; for each suite, the protocol versions of every
# page that lists them; every name on the pages no target stands for is in
# the catalogue; every page is used. Ends with "suites: N passed, N failed".
#   tests/suites/check.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/data/suites.txt
sources=$top/tests/sources
lists="sh $top/scripts/source-lists"
passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# The data file's lists, one file per block: SECTION NAME [request].
awk -v dir="$work" '
/^[ \t]*(#|$)/ { next }
$1 == "suites" || $1 == "curves" || $1 == "release" {
    n++
    out = dir "/block" n
    print $1 " " $2 > (dir "/blocks")
    next
}
$1 == "enabled" || $1 == "supported" || $1 == "psk" {
    print $1 " " $2 (NF == 3 ? " request" : "") > out
}
$1 == "suite" { print $2 " " $3 > (dir "/suites") }
$1 == "curve" { print $2 > (dir "/curves") }
' "$data"

n=0
while read -r kind page; do
    n=$((n + 1))
    if [ ! -f "$sources/$page" ]; then
        fail "$page: no such page in tests/sources"
        continue
    fi
    echo "$page" >>"$work/used"
    $lists "$sources/$page" >"$work/page"
    # The page's names, the first time each appears (Windows Vista's page
    # lists the NULL suites in its default table and again below).
    awk -F'\t' '!seen[$2]++ { print $1 " " $2 ($4 == "request" ? " request" : "") }' \
        "$work/page" >"$work/expected"
    if [ "$kind" = release ]; then
        missing=$(awk 'NR == FNR { known[$1] = 1; next } !($2 in known) { print $2 }' \
            "$work/suites" "$work/expected")
        if [ -n "$missing" ]; then
            fail "$page: not in the catalogue: $missing"
        else
            pass
        fi
    elif ! diff -u "$work/expected" "$work/block$n" >"$work/diff"; then
        fail "$page ($kind list): the data file differs from the page (- page, + data)"
        cat "$work/diff"
    else
        pass
    fi
    if [ "$kind" != curves ]; then
        # Protocol versions: "TLS 1.2, TLS 1.1" on the page, tls1.2,tls1.1 in the data.
        wrong=$(awk -F'\t' 'NR == FNR { split($0, f, " "); proto[f[1]] = f[2]; next }
            $3 != "-" {
                p = $3; gsub(/TLS /, "tls", p); gsub(/SSL 3\.0/, "ssl3", p)
                gsub(/SSL 2\.0/, "ssl2", p); gsub(/, /, ",", p)
                if (proto[$2] != p) print $2 " (page: " p ", data: " proto[$2] ")"
            }' "$work/suites" "$work/page")
        if [ -n "$wrong" ]; then
            fail "$page: protocol versions differ: $wrong"
        else
            pass
        fi
    fi
done <"$work/blocks"

for f in "$sources"/cipher-suites-*.md "$sources"/elliptic-curves-*.md "$sources"/supported-groups-*.md; do
    if grep -qx "$(basename "$f")" "$work/used"; then
        pass
    else
        fail "$(basename "$f") is used by no list of data/suites.txt"
    fi
done

echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
