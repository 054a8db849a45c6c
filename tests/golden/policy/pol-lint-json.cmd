reglint lint -f json special.pol
