. ./hives.sh && reglint posture --target windows-11 -f json SYSTEM SOFTWARE
