sh corpus-round-trips.sh
