-- The pseudonym → id map leaves the administrations table, so that ingest cost grows with the data
-- and no faster. A UNIQUE index on administration_ref takes each batch's new administrations at
-- random places (the pseudonym is a keyed hash), so once it outgrows the pull's page cache every
-- insert reads and dirties a page of it. Kept as its own table keyed by pseudonym, a pull inserts a
-- batch's new entries in key order — one pass over its pages, each read and written once — while the
-- administrations rows still append in id order (sql/sqlite/Administrations_UpsertRuns.sql).
-- SQLite only: PostgreSQL keeps its unique constraint, whose upkeep its own buffer manager bounds.
CREATE TABLE administration_refs (
    administration_ref TEXT PRIMARY KEY,
    admin_id           INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO administration_refs (administration_ref, admin_id)
SELECT administration_ref, admin_id FROM administrations ORDER BY administration_ref;

-- SQLite drops a UNIQUE column constraint only by rebuilding the table (the twelve-step recipe of its
-- ALTER TABLE page); the view over it and the read-order index are made again as 0001 and 0007 made them.
DROP VIEW v_administrations;
CREATE TABLE administrations_rebuilt (
    admin_id           INTEGER PRIMARY KEY,
    administration_ref TEXT NOT NULL,
    episode_ref        TEXT NOT NULL,
    instrument         TEXT NOT NULL,
    session_number     INTEGER NOT NULL,
    administered_day   INTEGER NOT NULL,
    n_answered         INTEGER NOT NULL DEFAULT 0,
    is_valid           INTEGER NOT NULL DEFAULT 0,
    score              REAL,
    batch_name         TEXT NOT NULL
);
INSERT INTO administrations_rebuilt (admin_id, administration_ref, episode_ref, instrument, session_number,
    administered_day, n_answered, is_valid, score, batch_name)
SELECT admin_id, administration_ref, episode_ref, instrument, session_number,
       administered_day, n_answered, is_valid, score, batch_name
FROM administrations ORDER BY admin_id;
DROP TABLE administrations;
ALTER TABLE administrations_rebuilt RENAME TO administrations;
CREATE INDEX ix_administrations_valid_order
    ON administrations (episode_ref, instrument, session_number, administered_day, administration_ref, score, is_valid)
    WHERE is_valid = 1 AND score IS NOT NULL;
CREATE VIEW v_administrations AS
SELECT a.admin_id, a.administration_ref, a.episode_ref, a.instrument, a.session_number,
       a.administered_day - e.intake_day AS days_since_intake,
       a.n_answered, a.is_valid, a.score
FROM administrations a
JOIN episodes e ON e.episode_ref = a.episode_ref;
