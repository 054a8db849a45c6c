cp review.reg ./-f.reg; reglint lint -f gcc --select RL2003 -- -f.reg; rc=$?; rm -f ./-f.reg; exit $rc
