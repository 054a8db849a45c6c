reglint lint --profile no-such-profile profile-export.reg
