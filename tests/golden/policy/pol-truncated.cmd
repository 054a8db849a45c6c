reglint lint truncated.pol
