reglint lint -f gcc -f json=report.json --select RL5001 formats.reg && cat report.json && rm -f report.json
