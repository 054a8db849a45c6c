sh readme-examples.sh ../../../README.md "$REGLINT"
