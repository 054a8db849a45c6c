. ./hives.sh && reglint dump --mount "HKEY_USERS\\S-1-5-21-1000" NTUSER.DAT
