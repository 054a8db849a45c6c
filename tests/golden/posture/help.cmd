reglint posture --help
