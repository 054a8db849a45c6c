. ./libhivex.sh && for f in system-truncated system-bad-cell system-vk-length system-nk-subkeys regf-only; do reglint posture "../../hive/seeds/$f"; echo "exit $?"; done
