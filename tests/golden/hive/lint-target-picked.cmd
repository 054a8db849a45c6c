. ./hives.sh && reglint lint -q --select RL3 SOFTWARE SYSTEM
