reglint gen strict
