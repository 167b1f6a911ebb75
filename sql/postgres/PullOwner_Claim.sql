-- The pull's session as its owner: backend pid and start (microseconds), unique while the server runs.
SELECT pid::text || ':' || (extract(epoch FROM backend_start) * 1000000)::bigint::text
FROM pg_stat_activity WHERE pid = pg_backend_pid();
