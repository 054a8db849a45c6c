reglint gen every-directive.profile | reglint dump -
