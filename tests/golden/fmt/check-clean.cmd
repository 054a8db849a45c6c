reglint fmt --check clean.reg
