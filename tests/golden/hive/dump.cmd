. ./hives.sh && reglint dump SYSTEM && reglint dump SOFTWARE && reglint dump NTUSER.DAT
