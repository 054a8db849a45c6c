reglint lint -f gcc --profile profile-baseline.profile --select RL3003 pasted.reg
