d=$(mktemp -d) && truncate -s 1073741825 "$d/big.reg" && cd "$d" && reglint dump big.reg; echo "rc $?"; cd - >/dev/null; rm -rf "$d"
