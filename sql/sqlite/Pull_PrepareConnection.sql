-- A pull's connection: page caches sized for a bulk writer, and the batch work tables in this
-- connection's temp schema (migration 0008 says why). Run after Connection_SortOnFiles: changing
-- temp_store drops a connection's temp tables, so a pooled connection never carries a previous
-- pull's. The pull closes this connection at its end instead of returning it to the pool.
-- Both caches are bounded, so the pull's memory stays flat however big the drop or the store (the
-- cache size also caps SQLite's sorters). The store's cache holds a batch's dirty pages until they
-- spill to the WAL, so the pull's is several times that of other connections (Store.ConnectAsync):
-- fewer spills, a faster pull.
PRAGMA main.cache_size = -262144;
-- The temp schema's own cache holds a batch's staged runs and answers; beyond it pages go to the
-- temp file.
PRAGMA temp.cache_size = -65536;
CREATE TEMP TABLE IF NOT EXISTS stage_episodes (
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
    end_day_offset     INTEGER,
    end_reason         TEXT NOT NULL
);
-- Staged answers as runs (see migration 0006): one stage_admins row per run of consecutive rows of
-- one administration, and keyless answer rows carrying their run id. The runs' pseudonym index is
-- built once they are all staged (Stage_Prepare).
CREATE TEMP TABLE IF NOT EXISTS stage_admins (
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
CREATE TEMP TABLE IF NOT EXISTS stage_answers (
    run_id INTEGER NOT NULL,
    line   INTEGER NOT NULL,
    item   TEXT NOT NULL,
    value  INTEGER
);
-- Runs whose administration the store already holds (StageAdmins_FindStored).
CREATE TEMP TABLE IF NOT EXISTS stage_found (
    run_id   INTEGER PRIMARY KEY,
    admin_id INTEGER NOT NULL
);
CREATE TEMP TABLE IF NOT EXISTS stage_touched (
    admin_id   INTEGER PRIMARY KEY,
    n_answered INTEGER,
    total      INTEGER
);
CREATE TEMP TABLE IF NOT EXISTS stage_bad (
    administration_ref TEXT PRIMARY KEY,
    episode_differs    INTEGER NOT NULL,
    instrument_differs INTEGER NOT NULL,
    date_differs       INTEGER NOT NULL,
    session_differs    INTEGER NOT NULL,
    item_repeated      INTEGER NOT NULL
);
