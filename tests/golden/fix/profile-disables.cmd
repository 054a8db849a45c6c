reglint lint --diff --select RL3001 half-disabled.reg; echo "rc=$?"; reglint lint --diff --profile tls12-only --select RL3001 half-disabled.reg
