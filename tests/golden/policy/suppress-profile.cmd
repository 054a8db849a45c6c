reglint lint --profile quiet.profile -f gcc special.pol
