. ./hives.sh && sh "$here/../../hive/mkhive.sh" S25 "HKEY_LOCAL_MACHINE\\SOFTWARE" "$here/software-25h2.reg" && reglint posture -f json S25
