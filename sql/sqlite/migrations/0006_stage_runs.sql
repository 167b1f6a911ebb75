-- Staged answers as runs: one stage_admins row per run of consecutive rows of one administration
-- (same administration and header), and narrow answer rows keyed by their run. The merge checks,
-- places and upserts administrations on one row per run instead of one per answer, and joins
-- answers by an integer.
-- stage_answers has no key: rows arrive in run order and are read in that order, so a key would
-- only cost an index insert per row; the rare lookups by run (refused runs) scan it.
DROP TABLE stage_answers;
CREATE TABLE stage_admins (
    run_id             INTEGER PRIMARY KEY,
    batch_name         TEXT NOT NULL,
    file               TEXT NOT NULL,
    administration_ref TEXT NOT NULL,
    episode_ref        TEXT NOT NULL,
    instrument         TEXT NOT NULL,
    administered_day   INTEGER NOT NULL,
    session_number     INTEGER NOT NULL,
    item_repeated      INTEGER NOT NULL,
    n_answered         INTEGER NOT NULL,
    scored_total       INTEGER NOT NULL,
    admin_id           INTEGER
);
CREATE INDEX ix_stage_admins_ref ON stage_admins (administration_ref);
CREATE TABLE stage_answers (
    run_id INTEGER NOT NULL,
    line   INTEGER NOT NULL,
    item   TEXT NOT NULL,
    value  INTEGER
);
-- Administrations to (re)score, with their answered count and scored sum when the staged runs
-- already give them (a new administration of an in-order batch); NULL means "sum the stored answers".
DROP TABLE stage_touched;
CREATE TABLE stage_touched (
    admin_id   INTEGER PRIMARY KEY,
    n_answered INTEGER,
    total      INTEGER
);
