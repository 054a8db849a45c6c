reglint lint -f gcc --select RL1002 RL1002-invisible-bom.reg RL1002-invisible-ansi.reg; reglint dump RL1002-invisible-bom.reg
