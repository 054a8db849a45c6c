reglint gen refused.profile
