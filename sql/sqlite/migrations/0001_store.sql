-- The de-identified store. No direct identifier has a column here: ids are keyed pseudonyms
-- (episode_ref, client_ref, couple_ref, administration_ref), ages are bands, dates are months
-- plus key-shifted day numbers whose differences are day offsets.

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE pulls (
    pull_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source           TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    status           TEXT NOT NULL,
    batches_new      INTEGER NOT NULL DEFAULT 0,
    batches_seen     INTEGER NOT NULL DEFAULT 0,
    episodes_stored  INTEGER NOT NULL DEFAULT 0,
    episodes_updated INTEGER NOT NULL DEFAULT 0,
    answers_stored   INTEGER NOT NULL DEFAULT 0,
    answers_updated  INTEGER NOT NULL DEFAULT 0,
    answers_pending  INTEGER NOT NULL DEFAULT 0,
    pending_resolved INTEGER NOT NULL DEFAULT 0,
    rows_refused     INTEGER NOT NULL DEFAULT 0,
    files_refused    INTEGER NOT NULL DEFAULT 0,
    error            TEXT
);

-- A batch row is the "done" mark: written in the same transaction as the batch's records.
CREATE TABLE batches (
    content_hash     TEXT PRIMARY KEY,
    batch_name       TEXT NOT NULL,
    source           TEXT NOT NULL,
    pull_id          INTEGER NOT NULL,
    ingested_at      TEXT NOT NULL,
    episodes_stored  INTEGER NOT NULL,
    episodes_updated INTEGER NOT NULL,
    answers_stored   INTEGER NOT NULL,
    answers_updated  INTEGER NOT NULL,
    answers_pending  INTEGER NOT NULL,
    rows_refused     INTEGER NOT NULL,
    files_refused    INTEGER NOT NULL
);

CREATE TABLE refusals (
    refusal_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    pull_id     INTEGER NOT NULL,
    batch_name  TEXT NOT NULL,
    file        TEXT NOT NULL,
    line        INTEGER,
    column_name TEXT,
    rule        TEXT NOT NULL,
    whole_file  INTEGER NOT NULL
);
CREATE INDEX ix_refusals_pull ON refusals (pull_id);

CREATE TABLE episodes (
    episode_ref        TEXT PRIMARY KEY,
    client_ref         TEXT NOT NULL,
    couple_ref         TEXT,
    site_id            TEXT NOT NULL,
    therapist_id       TEXT NOT NULL,
    presenting_concern TEXT NOT NULL,
    approach           TEXT NOT NULL,
    format             TEXT NOT NULL,
    age_band           TEXT NOT NULL,
    gender_identity    TEXT NOT NULL,
    sexual_orientation TEXT NOT NULL,
    intake_month       TEXT NOT NULL,
    intake_day         INTEGER NOT NULL,
    end_month          TEXT,
    end_day_offset     INTEGER,
    end_reason         TEXT NOT NULL,
    batch_name         TEXT NOT NULL
);

CREATE TABLE administrations (
    admin_id           INTEGER PRIMARY KEY,
    administration_ref TEXT NOT NULL UNIQUE,
    episode_ref        TEXT NOT NULL,
    instrument         TEXT NOT NULL,
    session_number     INTEGER NOT NULL,
    administered_day   INTEGER NOT NULL,
    n_answered         INTEGER NOT NULL DEFAULT 0,
    is_valid           INTEGER NOT NULL DEFAULT 0,
    score              REAL,
    batch_name         TEXT NOT NULL
);
CREATE INDEX ix_administrations_episode ON administrations (episode_ref, instrument);

CREATE TABLE answers (
    admin_id INTEGER NOT NULL,
    item     TEXT NOT NULL,
    value    INTEGER,
    PRIMARY KEY (admin_id, item)
) WITHOUT ROWID;

-- Answers whose episode has not arrived yet; moved into answers by the pull that brings it.
CREATE TABLE pending_answers (
    batch_name         TEXT NOT NULL,
    file               TEXT NOT NULL,
    line               INTEGER NOT NULL,
    administration_ref TEXT NOT NULL,
    episode_ref        TEXT NOT NULL,
    instrument         TEXT NOT NULL,
    administered_day   INTEGER NOT NULL,
    session_number     INTEGER NOT NULL,
    item               TEXT NOT NULL,
    value              INTEGER
);
CREATE INDEX ix_pending_episode ON pending_answers (episode_ref);

-- The scoring rules of the catalog, synced from the catalog file so scoring runs set-based in SQL.
CREATE TABLE catalog_instruments (
    instrument   TEXT PRIMARY KEY,
    item_count   INTEGER NOT NULL,
    min_answered INTEGER NOT NULL,
    scoring      TEXT NOT NULL
);
CREATE TABLE catalog_items (
    instrument TEXT NOT NULL,
    item       TEXT NOT NULL,
    item_min   INTEGER NOT NULL,
    item_max   INTEGER NOT NULL,
    reverse    INTEGER NOT NULL,
    PRIMARY KEY (instrument, item)
);

-- Work tables of one batch; emptied at the start of every batch transaction.
CREATE TABLE stage_episodes (
    line               INTEGER NOT NULL,
    episode_ref        TEXT NOT NULL,
    client_ref         TEXT NOT NULL,
    couple_ref         TEXT,
    site_id            TEXT NOT NULL,
    therapist_id       TEXT NOT NULL,
    presenting_concern TEXT NOT NULL,
    approach           TEXT NOT NULL,
    format             TEXT NOT NULL,
    age_band           TEXT NOT NULL,
    gender_identity    TEXT NOT NULL,
    sexual_orientation TEXT NOT NULL,
    intake_month       TEXT NOT NULL,
    intake_day         INTEGER NOT NULL,
    end_month          TEXT,
    end_day_offset     INTEGER,
    end_reason         TEXT NOT NULL
);
CREATE TABLE stage_answers (
    batch_name         TEXT NOT NULL,
    file               TEXT NOT NULL,
    line               INTEGER NOT NULL,
    administration_ref TEXT NOT NULL,
    episode_ref        TEXT NOT NULL,
    instrument         TEXT NOT NULL,
    administered_day   INTEGER NOT NULL,
    session_number     INTEGER NOT NULL,
    item               TEXT NOT NULL,
    value              INTEGER
);
CREATE TABLE stage_touched (admin_id INTEGER PRIMARY KEY);

-- Day offsets since intake, derived so a corrected intake date corrects every offset.
CREATE VIEW v_administrations AS
SELECT a.admin_id, a.administration_ref, a.episode_ref, a.instrument, a.session_number,
       a.administered_day - e.intake_day AS days_since_intake,
       a.n_answered, a.is_valid, a.score
FROM administrations a
JOIN episodes e ON e.episode_ref = a.episode_ref;
