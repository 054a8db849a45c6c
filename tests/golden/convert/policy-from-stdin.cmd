reglint convert - --to pol < controls.pol
