reglint lint -j many tree
