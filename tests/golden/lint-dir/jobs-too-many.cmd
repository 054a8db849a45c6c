reglint lint --jobs=257 tree
