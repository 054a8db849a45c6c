reglint convert root-key-deletion.reg --to pol
