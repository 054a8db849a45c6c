reglint posture --root machine tls.pol
