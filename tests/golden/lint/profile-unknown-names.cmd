reglint lint profile-unknown-suite.profile profile-unknown-curve.profile
