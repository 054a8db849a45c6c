reglint lint -f gcc --severity warning --fail-on error formats.reg
