t=$(mktemp -d) && cp special.pol "$t" && cd "$t" && { reglint lint --fix -f gcc special.pol; echo "rc=$?"; cmp special.pol "$OLDPWD/special.pol" && echo unchanged; cd "$OLDPWD"; rm -rf "$t"; }
