reglint lint other.xml
