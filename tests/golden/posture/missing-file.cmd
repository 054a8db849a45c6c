reglint posture baseline.reg no-such.reg
