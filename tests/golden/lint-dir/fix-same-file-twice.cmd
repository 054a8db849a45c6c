t=$(mktemp -d); mkdir $t/d; cp tree/B-UPPER.REG $t/d/a.reg; ln -s a.reg $t/d/b.reg; cd $t && reglint lint --fix -j 4 -f gcc d d/a.reg; rc=$?; cd / && rm -rf $t; exit $rc
