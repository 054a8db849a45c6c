reglint lint --diff -j 2 tree
