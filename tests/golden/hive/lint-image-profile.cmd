. ./hives.sh && reglint lint --profile tls12-only -f gcc --select RL6001 SYSTEM SOFTWARE
