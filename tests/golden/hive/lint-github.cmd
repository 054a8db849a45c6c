. ./hives.sh && reglint lint -f github SYSTEM SOFTWARE
