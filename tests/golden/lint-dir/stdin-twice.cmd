printf "REGEDIT4\n" | reglint lint -j 4 -f gcc - tree/a-ssl3.reg -
