SELECT EXISTS (
    SELECT 1 FROM pg_stat_activity
    WHERE pid::text || ':' || (extract(epoch FROM backend_start) * 1000000)::bigint::text = @owner
);
