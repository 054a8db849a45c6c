reglint gen tls12-only -o NUL --undo NUL; echo "rc $?"; reglint lint -f gcc -o NUL ../cli/pasted.reg; echo "rc $?"
