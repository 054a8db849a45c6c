reglint posture --view 16 views.reg
