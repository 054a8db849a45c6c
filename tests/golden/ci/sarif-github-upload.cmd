sh ../../sarif/github-upload.sh "$REGLINT"
