reglint convert both-roots.reg --to pol -o -
