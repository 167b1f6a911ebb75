SELECT pg_advisory_unlock(7243002);
