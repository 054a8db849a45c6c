. ./hives.sh && reglint convert SOFTWARE --to pol -o - | od -c | head -n 3
