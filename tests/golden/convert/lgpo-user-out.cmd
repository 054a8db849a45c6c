reglint convert both-roots.reg --to lgpo --user-out x.pol
