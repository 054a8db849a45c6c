reglint show gpo-backup
