reglint fmt --check nothing.reg clean.reg
