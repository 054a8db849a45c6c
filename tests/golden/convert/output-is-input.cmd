reglint convert all-kinds.reg --to reg -o all-kinds.reg
