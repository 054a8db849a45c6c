reglint posture views.reg --view
