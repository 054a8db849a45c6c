reglint dump ../../hive/seeds/system; echo "exit $?"; reglint posture --mount HKLM\\SYSTEM ../../hive/minimal
