. ./hives.sh && cp "$here/../../hive/minimal" EMPTY && reglint show --mount HKLM\\SOFTWARE EMPTY
