. ./hives.sh && reglint dump --all-keys SYSTEM
