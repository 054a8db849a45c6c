reglint lint -f gcc prefs.xml
