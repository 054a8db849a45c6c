reglint lint -f gcc --select RL1003 '..\cli\pasted.reg' '..\cli' '../cli'
