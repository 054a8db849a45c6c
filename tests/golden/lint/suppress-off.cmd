reglint lint -f gcc --no-inline-suppressions suppress.reg
