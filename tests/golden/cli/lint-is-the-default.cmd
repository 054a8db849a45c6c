reglint -f gcc --select RL1 pasted.reg
