reglint lint --diff --select RL2003 triple-des.reg triple-des-both.reg; echo "rc=$?"; reglint lint --select RL2003 triple-des-both.reg
