. ./hives.sh && reglint convert SYSTEM --to reg -o system.reg && reglint diff system.reg SYSTEM
