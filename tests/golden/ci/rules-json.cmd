reglint rules --format json RL00 PF2001; reglint rules --format json | grep -c "\"id\":\"RL"; reglint rules --format yaml
