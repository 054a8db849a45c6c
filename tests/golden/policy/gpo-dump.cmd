reglint dump gpo-backup
