reglint fmt --check messy.reg clean.reg
