. ./hives.sh && cp SYSTEM SYSTEM2 && reglint lint -f gcc --select RL3015 SYSTEM SYSTEM2 SOFTWARE
