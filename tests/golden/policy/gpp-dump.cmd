reglint dump prefs.xml
