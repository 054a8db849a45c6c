reglint dump special.pol
