reglint lint -f gcc --select RL5001 RL5001-bad.reg RL5001-good.reg
