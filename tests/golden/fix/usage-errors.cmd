reglint lint --unsafe-fixes clean.reg; reglint lint --fix --diff clean.reg; reglint lint --fix-to out.reg clean.reg cascade.reg; reglint lint --fix - < clean.reg; echo "rc=$?"
