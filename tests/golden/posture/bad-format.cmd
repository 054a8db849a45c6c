reglint posture --format yaml baseline.reg
