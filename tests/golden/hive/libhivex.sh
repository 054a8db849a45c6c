# Sourced by every case of this group first (hives.sh does it): skips the
# case (77) when the program was built without libhivex, which makes it
# refuse every hive (tests/windows/golden/hive-needs-libhivex checks that).
if reglint dump --mount 'HKLM\X' ../../hive/minimal 2>&1 | grep -q 'needs libhivex'; then
    echo "this reglint was built without libhivex (scripts/ensure-deps hive installs libhivex-dev)"
    exit 77
fi
