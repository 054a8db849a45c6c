reglint lint -f gcc --select RL1012 RL1012-bad.reg RL1012-good.reg RL1012-ansi.reg
