. ./hives.sh && reglint convert SYSTEM --to reg --encoding utf8
