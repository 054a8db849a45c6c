t=$(mktemp -d); reglint lint --fix-to "$t/out.reg" enabled-ansi.reg 2>&1 | sed "s|$t/||"; cmp -l enabled-ansi.reg "$t/out.reg"; od -c "$t/out.reg" | tail -n 4; rm -rf "$t"
