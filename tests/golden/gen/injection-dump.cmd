reglint gen injection.profile | reglint dump -
