-- Who runs a pull: a token for a lock its process holds while it runs (a lock file beside a SQLite
-- store, the PostgreSQL session), so a pull whose process died is told from one still running.
ALTER TABLE pulls ADD COLUMN owner TEXT;
