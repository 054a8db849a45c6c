. ./hives.sh && reglint lint -f json SYSTEM
