. ./hives.sh && reglint lint -j 2 -f gcc SYSTEM SOFTWARE NTUSER.DAT
