reglint dump
