reglint lint gpo-backup
