reglint lint -f json= review.reg; reglint lint -o "" review.reg
