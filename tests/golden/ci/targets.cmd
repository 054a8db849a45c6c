reglint targets; reglint targets x
