reglint lint -f gcc --profile profile-baseline.profile profile-export.reg
