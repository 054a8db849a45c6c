reglint lint -f gcc cfg; echo "rc=$?"; cd cfg/sub && reglint lint -f gcc --select RL1,RL2 pasted.reg ../review.reg; echo "rc=$?"
