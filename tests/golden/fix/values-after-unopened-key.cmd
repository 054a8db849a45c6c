reglint lint --unsafe-fixes --diff values-after-unopened-key.reg
