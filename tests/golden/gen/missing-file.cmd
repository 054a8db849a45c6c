reglint gen ./no-such.profile
