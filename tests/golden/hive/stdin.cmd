. ./hives.sh && reglint dump - < SYSTEM
