reglint posture baseline.reg
