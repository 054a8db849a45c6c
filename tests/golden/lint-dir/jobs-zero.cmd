reglint lint -j0 -f gcc tree && reglint lint --jobs 3 -f gcc tree/nested
