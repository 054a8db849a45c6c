reglint lint --diff header-case.reg
