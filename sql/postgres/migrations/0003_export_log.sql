-- PostgreSQL twin of sql/sqlite/migrations/0003_export_log.sql: the append-only, hash-chained
-- research export log. The triggers refuse UPDATE, DELETE and TRUNCATE; the hash chain catches
-- whatever gets past them.
CREATE TABLE export_log (
    entry_id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    export_id        TEXT NOT NULL UNIQUE,
    created_at       TEXT NOT NULL,
    purpose          TEXT NOT NULL,
    user_name        TEXT NOT NULL,
    parameters       TEXT NOT NULL,
    files            TEXT NOT NULL,
    risk             TEXT NOT NULL,
    linked_export_id TEXT,
    previous_hash    TEXT NOT NULL,
    entry_hash       TEXT NOT NULL UNIQUE
);

CREATE FUNCTION export_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'export_log is append-only';
END;
$$;

CREATE TRIGGER export_log_no_change BEFORE UPDATE OR DELETE ON export_log
    FOR EACH ROW EXECUTE FUNCTION export_log_append_only();

CREATE TRIGGER export_log_no_truncate BEFORE TRUNCATE ON export_log
    FOR EACH STATEMENT EXECUTE FUNCTION export_log_append_only();
