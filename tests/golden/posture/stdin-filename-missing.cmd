reglint posture --stdin-filename
