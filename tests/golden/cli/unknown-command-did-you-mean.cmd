reglint lnit pasted.reg
