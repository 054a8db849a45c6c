reglint lint -f gcc --select RL4010 --target windows-server-2012-r2 RL4010-bad.reg; echo "rc=$?"; reglint lint -f gcc --select RL4010 --target windows-10 RL4010-bad.reg
