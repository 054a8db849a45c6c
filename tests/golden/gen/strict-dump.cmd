reglint gen strict | reglint dump -
