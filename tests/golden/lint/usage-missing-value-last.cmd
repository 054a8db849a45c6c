for opt in -f --format -o --profile --target --severity --fail-on --select --ignore --color --stdin-filename --fix-to -j --jobs; do reglint lint formats.reg $opt; echo "$opt: $?"; done
