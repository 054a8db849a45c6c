reglint gen ansi-reads-as-utf8.profile --encoding ansi; echo "rc=$?"; reglint gen ansi-reads-as-utf8.profile --encoding utf16 | reglint dump -
