# Sourced by the cases of this group: builds the hives SYSTEM, SOFTWARE and
# NTUSER.DAT of a Windows Server 2019 image from system.reg, software.reg and
# ntuser.reg (tests/hive/mkhive.sh: hivexregedit onto a copy of the minimal
# hive) in a directory of its own, and goes there; the case then names them
# without a path. Skips the case (77) without hivexregedit.
. ./libhivex.sh
here=$(pwd)
H=$(mktemp -d)
trap 'rm -rf "$H"' EXIT
for spec in 'SYSTEM HKEY_LOCAL_MACHINE\SYSTEM system.reg' \
    'SOFTWARE HKEY_LOCAL_MACHINE\SOFTWARE software.reg' \
    'NTUSER.DAT HKEY_CURRENT_USER ntuser.reg'; do
    set -- $spec
    sh "$here/../../hive/mkhive.sh" "$H/$1" "$2" "$here/$3" || exit $?
done
set --
cd "$H" || exit 99
