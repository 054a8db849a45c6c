reglint lint -f sarif truncated.pol
