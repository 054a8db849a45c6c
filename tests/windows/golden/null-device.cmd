reglint gen tls12-only --target windows-11 -o NUL --undo NUL; echo "rc $?"; reglint lint -f gcc -o NUL ../cli/pasted.reg; echo "rc $?"
