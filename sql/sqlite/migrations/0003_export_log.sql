-- The research export log: append-only and hash-chained. entry_hash is SHA-256 over the
-- entry's canonical content including previous_hash (the entry before it; 64 zeros for the first),
-- so editing, inserting or deleting an entry breaks the chain that `outcomeslab export log` verifies.
-- The triggers refuse UPDATE and DELETE through SQL as a first line of defence; the chain catches
-- anything that gets past them (a raw file edit, a dropped trigger).
CREATE TABLE export_log (
    entry_id         INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
BEGIN
    SELECT RAISE(ABORT, 'export_log is append-only');
END;

CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
BEGIN
    SELECT RAISE(ABORT, 'export_log is append-only');
END;
