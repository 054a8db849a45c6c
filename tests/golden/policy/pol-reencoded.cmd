reglint lint reencoded.pol
