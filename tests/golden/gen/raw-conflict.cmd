reglint gen raw-conflict.profile
