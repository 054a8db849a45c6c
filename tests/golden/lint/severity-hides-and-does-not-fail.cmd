reglint lint -f gcc --severity error --fail-on info easyfix.reg
