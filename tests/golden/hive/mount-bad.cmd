. ./hives.sh && reglint dump --mount NOWHERE\\X SYSTEM
