reglint lint --ignore RL1103,RL1104 -f gcc tls.pol special.pol
