reglint lint -f gcc --fail-on warning microsoft-*.reg
