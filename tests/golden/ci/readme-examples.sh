#!/bin/sh
# Runs every command of README.md's sh blocks that starts with "reglint" or
# "cp" as written, from a copy of the clone's samples/ (and nothing else),
# and names each that ends in a usage or I/O error (exit status 2 or 3) or
# names a file that does not exist. Lines that install, build, configure git
# or need a directory (exports/, registry/) are left out, and so are those
# reading samples/image/'s registry hives when the program has no libhivex.
#   readme-examples.sh README BIN
set -u
readme=$1
bin=$2
root=$(cd "$(dirname "$readme")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$root/samples" "$work/samples"
mkdir -p "$work/bin"
ln -s "$bin" "$work/bin/reglint"
cd "$work" || exit 3
PATH="$work/bin:$PATH"
export PATH
awk '/^```sh$/ { inside = 1; next } /^```/ { inside = 0 } inside' "$root/README.md" |
    sed -e 's/  *# .*$//' |
    grep -E '^(reglint|cp) ' |
    grep -v -e 'exports/' -e 'registry/' >"$work/commands"
# A build without libhivex refuses the registry hives of samples/image/.
if "$bin" dump --mount 'HKLM\X' "$root/tests/hive/minimal" 2>&1 | grep -q 'needs libhivex'; then
    grep -v 'samples/image/' "$work/commands" >"$work/commands.kept"
    mv "$work/commands.kept" "$work/commands"
fi
ran=0
bad=0
while IFS= read -r line; do
    ran=$((ran + 1))
    sh -c "$line" >"$work/out" 2>"$work/err" </dev/null
    rc=$?
    if [ "$rc" -ge 2 ] || grep -q -e 'No such file' -e 'cannot read' "$work/err"; then
        bad=$((bad + 1))
        echo "exit $rc: $line"
        head -n 3 "$work/err"
    fi
done <"$work/commands"
[ "$ran" -gt 0 ] || { echo "no example found"; exit 1; }
[ "$bad" -eq 0 ] && echo "every example ran"
[ "$bad" -eq 0 ]
