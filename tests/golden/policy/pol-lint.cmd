reglint lint special.pol
