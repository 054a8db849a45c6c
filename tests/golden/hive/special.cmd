. ./libhivex.sh && reglint dump --all-keys --mount HKLM\\SOFTWARE ../../hive/special
