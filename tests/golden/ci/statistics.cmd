reglint lint --statistics --no-config cfg; echo "rc=$?"; reglint lint --statistics --select RL2003 -f sarif=stats.sarif --no-config review.reg; grep -c RL2003 stats.sarif; rm -f stats.sarif
