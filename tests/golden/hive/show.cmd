. ./hives.sh && reglint show SYSTEM && reglint show SOFTWARE
