# Sourced by run.sh and replay.sh: where each harness's seed inputs are.
#   fuzz_seed_patterns HARNESS   prints shell patterns, relative to the top of
#                                the tree, that match the harness's seeds
# The regressions of a harness (regressions/HARNESS/) are seeds too.
fuzz_seed_patterns() {
    case $1 in
    fuzz_profile) echo 'templates/*.profile tests/golden/*/*.profile' ;;
    fuzz_hive) echo 'tests/hive/minimal tests/hive/special tests/hive/rlenvalue_test_hive tests/hive/seeds/*' ;;
    fuzz_policy) echo 'tests/corpus/policy/*/*.* tests/golden/policy/*.pol tests/golden/policy/*.txt tests/golden/policy/*.inf tests/golden/policy/*.xml' ;;
    *) echo 'tests/corpus/format/*.reg tests/corpus/real/*.reg tests/golden/*/*.reg samples/*.reg' ;;
    esac
}

# The dictionary of a harness: its own, or the .reg format's.
fuzz_dictionary() {
    case $1 in
    fuzz_profile) echo tests/fuzz/profile.dict ;;
    fuzz_policy) echo tests/fuzz/policy.dict ;;
    fuzz_hive) echo tests/fuzz/hive.dict ;;
    *) echo tests/fuzz/reg.dict ;;
    esac
}
