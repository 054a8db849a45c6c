reglint lint header-only.pol && reglint dump header-only.pol
