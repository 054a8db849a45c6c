reglint lint --profile profile-bad.profile profile-export.reg
