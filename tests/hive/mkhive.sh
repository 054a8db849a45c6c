#!/bin/sh
# Builds a registry hive from .reg files, as the hive tests need them:
#   tests/hive/mkhive.sh OUT PREFIX FILE.reg...
# copies tests/hive/minimal (a hive holding only its root key) to OUT and
# merges each FILE.reg into it with `hivexregedit --merge --prefix PREFIX`
# (libwin-hivex-perl). The .reg files are UTF-8 or ASCII, keys written in
# full under PREFIX ("HKEY_LOCAL_MACHINE\SYSTEM"); hivexregedit wants each
# key's parent to exist first, so every parent of every key is added before
# the file's own lines. Exits 77, saying why, without hivexregedit.
set -eu
out=$1
prefix=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v hivexregedit >/dev/null 2>&1; then
    echo "hivexregedit is not installed (scripts/ensure-deps hive-test installs libwin-hivex-perl)"
    exit 77
fi
cp "$here/minimal" "$out"
chmod u+w "$out"
for reg in "$@"; do
    tmp=$out.merge.reg
    {
        printf 'Windows Registry Editor Version 5.00\n\n'
        # Every parent of every key below PREFIX, shortest first, once.
        sed -n 's/^\[\([^]-][^]]*\)\][[:space:]]*$/\1/p' "$reg" | tr -d '\r' |
            awk -v prefix="$prefix" '{
                n = split(substr($0, length(prefix) + 2), part, "\\");
                path = prefix;
                for (i = 1; i < n; i++) {
                    path = path "\\" part[i];
                    if (!(path in seen)) { seen[path] = 1; print "[" path "]\n"; }
                }
            }'
        tail -n +2 "$reg" | tr -d '\r'
    } >"$tmp"
    hivexregedit --merge --prefix "$prefix" "$out" "$tmp" >/dev/null
    rm -f "$tmp"
done
