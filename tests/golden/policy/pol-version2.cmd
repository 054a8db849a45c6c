reglint dump version2.pol
