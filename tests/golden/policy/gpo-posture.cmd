reglint posture gpo-backup
