-- Session-level: held by the pulling job's own connection until released, or until that connection
-- dies with its process (a killed worker never leaves it behind). Distinct from Store_LockWrite.
SELECT pg_try_advisory_lock(7243002);
