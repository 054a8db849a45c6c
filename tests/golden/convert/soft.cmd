reglint convert soft.pol --root machine --to gpp && reglint convert soft.pol --root machine --to lgpo
