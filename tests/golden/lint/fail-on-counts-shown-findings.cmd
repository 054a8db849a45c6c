reglint lint -f gcc --severity warning --fail-on info pasted.reg
