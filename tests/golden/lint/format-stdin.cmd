reglint lint -f gcc --select RL5001 --stdin-filename exported.reg - < formats.reg
