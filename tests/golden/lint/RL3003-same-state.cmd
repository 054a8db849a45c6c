reglint lint -f gcc --select RL3003 --target windows-7-sp1 RL3003-same-state.reg; reglint lint -f gcc --select RL3003 --target windows-8 RL3003-same-state.reg
