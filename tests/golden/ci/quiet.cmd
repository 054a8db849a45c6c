reglint lint -q --no-config --select RL2003 review.reg; echo "rc=$?"; reglint lint --quiet --no-config --select RL3 ../../../samples/easyfix-kb3140245.reg; echo "rc=$?"
