. ./hives.sh && cp "$here/../../hive/minimal" EMPTY && reglint dump EMPTY
