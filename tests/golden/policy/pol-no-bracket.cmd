reglint lint no-bracket.pol
