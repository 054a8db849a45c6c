reglint lint -f gcc --select RL5001 no-such-file.reg formats.reg
