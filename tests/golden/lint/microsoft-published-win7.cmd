reglint lint -f gcc --fail-on warning --target windows-7-sp1 microsoft-*.reg
