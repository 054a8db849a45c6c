#!/bin/sh
# Prints a Python that can import Samba's .pol reader (Debian's python3-samba),
# or, when there is none, why, and exits 1 (golden cases then exit 77: skipped).
for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 &&
        "$py" -c 'import samba.gp_parse.gp_pol' >/dev/null 2>&1; then
        command -v "$py"
        exit 0
    fi
done
echo "Samba's .pol reader is not installed: apt-get install python3-samba (scripts/ensure-deps samba)"
exit 1
