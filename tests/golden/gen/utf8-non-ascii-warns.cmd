reglint gen non-ascii.profile --encoding utf8; echo "rc=$?"; reglint gen non-ascii.profile --encoding ansi | reglint dump -
