printf '\000\001\002\377\376\200\201zz\033[31m\r\n[x]\000' | reglint dump -
