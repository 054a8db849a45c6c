reglint convert controls.pol --root machine --to lgpo --encoding utf8
