reglint convert controls.pol --root machine --to pol | cmp - controls.pol && echo "the same bytes"
