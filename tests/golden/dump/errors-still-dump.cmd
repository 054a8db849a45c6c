reglint dump pasted.reg
