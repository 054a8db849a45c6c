GITHUB_WORKSPACE=. reglint lint -f sarif --select RL5001 formats.reg | tail -n 3
