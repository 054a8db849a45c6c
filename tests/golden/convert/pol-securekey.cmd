reglint convert securekey.pol --root machine --to pol
