reglint lint -f github special.pol
