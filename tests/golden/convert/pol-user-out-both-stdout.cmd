reglint convert both-roots.reg --to pol --user-out - -o -
