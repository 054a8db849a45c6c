t=$(mktemp -d); mkdir $t/empty; touch $t/empty/notes.txt; cd $t && reglint lint empty; rc=$?; cd / && rm -rf $t; exit $rc
