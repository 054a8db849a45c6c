reglint lint -f gcc tree/notes.txt tree/nested
