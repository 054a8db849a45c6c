. ./libhivex.sh && for f in system-vk-offset system-lf-loop; do reglint dump "../../hive/seeds/$f"; echo "exit $?"; done
