reglint lint -f gcc profile-bad.profile profile-baseline.profile
