reglint gen best-practices | reglint dump -
