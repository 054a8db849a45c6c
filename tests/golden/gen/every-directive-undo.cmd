reglint gen every-directive.profile --encoding utf8 --undo - -o /dev/null
