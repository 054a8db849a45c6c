reglint lint -f gcc --profile tls12-only profile-export.reg
