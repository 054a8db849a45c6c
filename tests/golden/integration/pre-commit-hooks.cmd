. ./pre-commit-hooks.sh
