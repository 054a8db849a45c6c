reglint convert controls.pol --root machine --to gpp
