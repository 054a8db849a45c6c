reglint lint -f json=- review.reg
