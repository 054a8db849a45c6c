reglint lint broken.xml
