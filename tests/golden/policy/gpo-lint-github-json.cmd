reglint lint -f github gpo-backup; reglint lint -f json gpo-backup
