reglint fmt --check win31.reg
