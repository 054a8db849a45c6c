reglint show prefs.xml
