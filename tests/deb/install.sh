#!/bin/sh
# Installs the Debian package `make deb` built, checks that it works as
# installed (the program on PATH, its man page, its completion, a lint run
# on a sample), then removes it, leaving the machine as it was.
#   tests/deb/install.sh PACKAGE.deb
# Needs root or password-less sudo; exits 77 (skipped) otherwise, and when
# a reglint package is installed already (it is not this test's to remove).
set -u
deb=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$(id -u)" = 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo"
else
    echo "deb: skipped: installing a package needs root or password-less sudo"
    exit 77
fi
if dpkg -s reglint >/dev/null 2>&1; then
    echo "deb: skipped: a reglint package is installed already"
    exit 77
fi
failed=0
check() { # NAME COMMAND...
    name=$1
    shift
    if "$@" >/dev/null 2>&1; then
        echo "ok: $name"
    else
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
}
$run dpkg -i "$deb" >/dev/null || { echo "FAIL: dpkg -i $deb"; exit 1; }
# The package's own files, whatever PATH says.
check "the program is /usr/bin/reglint" test -x /usr/bin/reglint
check "reglint --version" sh -c '/usr/bin/reglint --version | grep -q "^reglint "'
check "lint finds what it should in a sample (exit 1)" sh -c \
    '/usr/bin/reglint lint -f gcc "$1" | grep -q RL2003; [ $? -eq 0 ]; /usr/bin/reglint lint "$1" >/dev/null; [ $? -eq 1 ]' \
    sh "$top/samples/tls12-review.reg"
check "the man page is installed" test -f /usr/share/man/man1/reglint.1.gz
check "the man page reads" sh -c 'zcat /usr/share/man/man1/reglint.1.gz | grep -q "^.SH SYNOPSIS"'
check "the bash completion is installed" test -f /usr/share/bash-completion/completions/reglint
check "dpkg lists the package's files" sh -c 'dpkg -L reglint | grep -q /usr/bin/reglint'
$run dpkg -r reglint >/dev/null || { echo "FAIL: dpkg -r reglint"; failed=$((failed + 1)); }
check "removing it leaves no program behind" sh -c '! test -e /usr/bin/reglint'
echo "deb: $failed failed"
[ "$failed" -eq 0 ]
