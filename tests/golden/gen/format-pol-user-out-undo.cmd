reglint gen easyfix-kb3140245 --format pol -o m.pol --user-out u.pol --undo x.pol
