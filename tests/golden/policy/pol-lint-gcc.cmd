reglint lint -f gcc special.pol
