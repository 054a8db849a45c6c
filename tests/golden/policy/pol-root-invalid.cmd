reglint dump --root system tls.pol
