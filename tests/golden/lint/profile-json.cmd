reglint lint -f json --select RL6001 --profile profile-baseline.profile profile-export.reg
