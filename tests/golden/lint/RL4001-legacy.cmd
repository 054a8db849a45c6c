reglint lint -f gcc --select RL4001 RL4001-legacy.reg ../../corpus/real/034_nishtha-protocols-ssl3-enabled.reg; reglint lint -f gcc --select RL4001 --profile RL4001-legacy.profile RL4001-legacy.reg
