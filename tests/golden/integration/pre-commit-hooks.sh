# The hooks of .pre-commit-hooks.yaml, run as pre-commit runs them: each
# entry with the .reg files its `files` pattern picks, from a repository of
# .reg files. A script entry runs from a copy of this repository's layout
# (scripts/pre-commit-hook, and build/reglint already built: the program
# under test), as pre-commit runs it from its clone. Sourced by
# pre-commit-hooks.cmd, so that $REGLINT is the program under test.
top=$(cd ../../.. && pwd)
hooks=$top/.pre-commit-hooks.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/clone/scripts" "$work/clone/build" "$work/repo"
cp "$top/scripts/pre-commit-hook" "$work/clone/scripts/"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$REGLINT" >"$work/clone/build/reglint"
chmod +x "$work/clone/build/reglint"
files=$(sed -n "s/^  files: '\(.*\)'$/\1/p" "$hooks" | sort -u)
[ "$(printf '%s\n' "$files" | wc -l)" -eq 1 ] || echo "the hooks pick files differently"
sed -n -e 's/^- id: //p' -e 's/^  entry: //p' -e 's/^  language: //p' "$hooks" | paste - - - |
    while IFS="$(printf '\t')" read -r id entry language; do
        cp EASYFIX.REG pasted.reg notes.txt "$work/repo/"
        picked=$(cd "$work/repo" && ls | grep -E "$files" | tr '\n' ' ')
        echo "hook $id ($language): $entry $picked"
        case $language in
        script) out=$(cd "$work/repo" && sh -c "\"$work/clone/\"$entry $picked" 2>&1) ;;
        system) out=$(cd "$work/repo" && PATH="$work/clone/build:$PATH" sh -c "$entry $picked" 2>&1) ;;
        *) out="unknown language $language" ;;
        esac
        rc=$?
        printf '%s\n' "$out" | tail -n 3
        echo "exit $rc"
        cmp -s pasted.reg "$work/repo/pasted.reg" || echo "pasted.reg changed"
    done
