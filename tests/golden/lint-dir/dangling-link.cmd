t=$(mktemp -d); mkdir $t/d; cp tree/a-ssl3.reg $t/d/; ln -s nowhere.reg $t/d/gone.reg; cd $t && reglint lint -j 2 -f gcc d; rc=$?; cd / && rm -rf $t; exit $rc
