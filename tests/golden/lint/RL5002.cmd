reglint lint -f gcc --select RL5002 RL5002-bad.reg RL5002-good.reg
