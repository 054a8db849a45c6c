. ./hives.sh && reglint lint -f gcc SYSTEM SOFTWARE NTUSER.DAT
