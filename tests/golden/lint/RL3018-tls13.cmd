reglint lint -f gcc --select RL3018 --target windows-11 RL3018-tls13-off.reg RL3018-tls13-on.reg RL3018-tls13-good.reg RL3018-tls13-disabled-suites.reg
