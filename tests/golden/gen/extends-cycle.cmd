reglint gen cycle-a.profile
