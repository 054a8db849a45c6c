. ./hives.sh && reglint convert --all-keys SOFTWARE --to reg --encoding utf8
