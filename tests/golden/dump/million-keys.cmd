awk 'BEGIN { print "REGEDIT4"; for (i = 0; i < 1000000; i++) printf "[HKEY_CURRENT_USER\\k%d]\n", i }' | (reglint dump -; echo "exit status $?" >&2) | wc -l
