reglint show special.pol
