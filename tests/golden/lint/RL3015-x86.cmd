reglint lint -f gcc --select RL3015 RL3015-x86.reg; reglint lint -f gcc --select RL3015 --profile RL3015-x86.profile RL3015-x86.reg
