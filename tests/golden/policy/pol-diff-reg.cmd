reglint diff tls.reg tls.pol
