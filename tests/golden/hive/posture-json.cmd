. ./hives.sh && reglint posture -f json SYSTEM SOFTWARE
