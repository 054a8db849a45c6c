#!/bin/sh
# SARIF check: reglint's SARIF for the real corpus and the lint golden inputs
# must pass Microsoft's SARIF Multitool (`sarif validate`) without an error.
#   tests/sarif/validate.sh BIN
# The Multitool is installed once with npm into build/sarif-multitool. Without
# npm the check is skipped, and says so; a failed install is a failure.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
tool_dir=$top/build/sarif-multitool
tool=$tool_dir/node_modules/.bin/sarif-multitool
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$tool" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "sarif: skipped: npm is not installed (needed for @microsoft/sarif-multitool)"
        echo "sarif: 0 passed, 0 failed"
        exit 0
    fi
    mkdir -p "$tool_dir"
    if ! npm install --no-audit --no-fund --prefix "$tool_dir" @microsoft/sarif-multitool \
        >"$tmp/npm.log" 2>&1; then
        cat "$tmp/npm.log"
        echo "sarif: 0 passed, 1 failed"
        exit 1
    fi
fi
# npm may not run the package's postinstall step that makes the binary executable.
chmod u+x "$tool_dir"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool 2>/dev/null

passed=0
failed=0
check() {
    name=$1
    shift
    "$bin" lint -f sarif --fail-on none "$@" >"$tmp/$name.sarif" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "FAIL $name: reglint exited $rc"
        cat "$tmp/err"
        failed=$((failed + 1))
        return
    fi
    "$tool" validate "$tmp/$name.sarif" -o "$tmp/$name.out.sarif" >"$tmp/$name.log" 2>&1
    if grep -q ': error ' "$tmp/$name.log" || ! grep -q 'Analysis completed successfully' "$tmp/$name.log"; then
        echo "FAIL $name: sarif validate found errors"
        grep ': error ' "$tmp/$name.log" | head -n 20
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
}

cd "$top" || exit 2
check real-corpus tests/corpus/real/*.reg
check lint-goldens --select RL tests/golden/lint/*.reg
check absolute-paths "$top"/tests/corpus/real/0*.reg
check no-findings tests/golden/lint/RL5001-good.reg
check suppressions-fixes-profile tests/golden/lint/suppress.reg samples/tls12-review.reg tests/golden/lint/profile-bad.profile
echo "sarif: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
