#!/bin/sh
# Registry hives against their hivexregedit export (part of `make check`).
#   tests/hive/run.sh BIN
# Each hive made by mkhive.sh from types.reg and the hive golden group's
# .reg files, and the hivex test hives kept here, must give the same
# `reglint dump --all-keys` as its `hivexregedit --export` read back by
# `reglint dump`; the export is converted to UTF-16LE with a byte order mark
# first, as regedit writes exports, so that its hex(1) and hex(7) data is read
# as written rather than widened from ANSI. `special` is left out: its names
# hold NUL characters, which no .reg file can carry. Skips, saying why,
# without hivexregedit or in a build without libhivex.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
golden=$here/../golden/hive
passed=0
failed=0
if ! command -v hivexregedit >/dev/null 2>&1; then
    echo "SKIP hive: hivexregedit is not installed (scripts/ensure-deps hive-test installs libwin-hivex-perl)"
    echo "hive: 0 passed, 0 failed"
    exit 0
fi
if "$bin" dump --mount 'HKLM\X' "$here/minimal" 2>&1 | grep -q 'needs libhivex'; then
    echo "SKIP hive: this reglint was built without libhivex"
    echo "hive: 0 passed, 0 failed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# same_dump NAME HIVE PREFIX
same_dump() {
    name=$1
    hive=$2
    prefix=$3
    ok=1
    if ! hivexregedit --export --prefix "$prefix" "$hive" '\' >"$tmp/export.utf8.reg" 2>/dev/null; then
        echo "FAIL hive/$name: hivexregedit --export failed"
        ok=0
    fi
    { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$tmp/export.utf8.reg"; } >"$tmp/export.reg"
    "$bin" dump --all-keys --mount "$prefix" "$hive" >"$tmp/direct" 2>"$tmp/direct.err" || ok=0
    "$bin" dump "$tmp/export.reg" >"$tmp/exported" 2>"$tmp/exported.err" || ok=0
    if [ "$ok" -eq 1 ] && [ -s "$tmp/direct" ] && cmp -s "$tmp/direct" "$tmp/exported"; then
        passed=$((passed + 1))
    else
        echo "FAIL hive/$name: the hive's dump differs from its export's"
        cat "$tmp/direct.err" "$tmp/exported.err"
        diff "$tmp/exported" "$tmp/direct" | cut -c 1-200 | head -n 20
        failed=$((failed + 1))
    fi
}

for spec in "types HKEY_LOCAL_MACHINE\\SOFTWARE $here/types.reg" \
    "system HKEY_LOCAL_MACHINE\\SYSTEM $golden/system.reg" \
    "software HKEY_LOCAL_MACHINE\\SOFTWARE $golden/software.reg" \
    "ntuser HKEY_CURRENT_USER $golden/ntuser.reg"; do
    # shellcheck disable=SC2086
    set -- $spec
    if sh "$here/mkhive.sh" "$tmp/$1" "$2" "$3" >"$tmp/mkhive.out" 2>&1; then
        same_dump "$1" "$tmp/$1" "$2"
    else
        echo "FAIL hive/$1: mkhive.sh failed"
        cat "$tmp/mkhive.out"
        failed=$((failed + 1))
    fi
done
same_dump minimal "$here/minimal" 'HKEY_LOCAL_MACHINE\SOFTWARE'
same_dump rlenvalue_test_hive "$here/rlenvalue_test_hive" 'HKEY_LOCAL_MACHINE\SOFTWARE'
echo "hive: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
