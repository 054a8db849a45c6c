. ./hives.sh && reglint lint SYSTEM SOFTWARE NTUSER.DAT
