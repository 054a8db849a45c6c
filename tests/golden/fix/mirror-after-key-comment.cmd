reglint lint --unsafe-fixes --diff mirror-after-key-comment.reg
