-- Versioned aggregate runs: what one run of the aggregate stage published — the
-- suppressed figures of aggregates.csv, trajectories.csv and trends.csv — with when it ran
-- (TimeProvider, ISO 8601 UTC), min_cell, the catalog it used and the batches it covers, so reports
-- and jobs read the figures without recomputing. Only suppressed (publishable) figures are kept:
-- a suppressed row has its keys and suppressed = 1, every figure NULL. row_no keeps the published
-- order. Flags are 0/1 integers as in 0001.

CREATE TABLE aggregate_runs (
    run_id              INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at          TEXT NOT NULL,
    min_cell            INTEGER NOT NULL,
    catalog_fingerprint TEXT NOT NULL,
    episodes            BIGINT NOT NULL,
    episode_outcomes    BIGINT NOT NULL,
    aggregate_rows      INTEGER NOT NULL,
    trajectory_rows     INTEGER NOT NULL,
    trend_rows          INTEGER NOT NULL,
    suppressed_rows     INTEGER NOT NULL
);

-- The batches (by content hash) stored when the run read the store: the data its figures rest on.
CREATE TABLE aggregate_run_batches (
    run_id       INTEGER NOT NULL REFERENCES aggregate_runs (run_id),
    ordinal      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    batch_name   TEXT NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE aggregate_run_aggregates (
    run_id                    INTEGER NOT NULL REFERENCES aggregate_runs (run_id),
    row_no                    INTEGER NOT NULL,
    instrument                TEXT NOT NULL,
    presenting_concern        TEXT NOT NULL,
    approach                  TEXT NOT NULL,
    population                TEXT NOT NULL,
    n_episodes                BIGINT,
    n_paired                  BIGINT,
    baseline_mean             REAL,
    baseline_sd               REAL,
    final_mean                REAL,
    final_sd                  REAL,
    change_mean               REAL,
    change_sd                 REAL,
    r_pre_post                REAL,
    effect_size_g             REAL,
    g_ci_low                  REAL,
    g_ci_high                 REAL,
    n_reliably_improved       BIGINT,
    pct_reliably_improved     REAL,
    n_reliably_deteriorated   BIGINT,
    pct_reliably_deteriorated REAL,
    n_clinical_baseline       BIGINT,
    n_recovered               BIGINT,
    pct_recovered             REAL,
    n_reliably_recovered      BIGINT,
    pct_reliably_recovered    REAL,
    suppressed                INTEGER NOT NULL,
    PRIMARY KEY (run_id, row_no)
);

CREATE TABLE aggregate_run_trajectories (
    run_id             INTEGER NOT NULL REFERENCES aggregate_runs (run_id),
    row_no             INTEGER NOT NULL,
    instrument         TEXT NOT NULL,
    presenting_concern TEXT NOT NULL,
    approach           TEXT NOT NULL,
    session_number     INTEGER NOT NULL,
    n                  BIGINT,
    mean               REAL,
    sd                 REAL,
    ci_low             REAL,
    ci_high            REAL,
    suppressed         INTEGER NOT NULL,
    PRIMARY KEY (run_id, row_no)
);

CREATE TABLE aggregate_run_trends (
    run_id                INTEGER NOT NULL REFERENCES aggregate_runs (run_id),
    row_no                INTEGER NOT NULL,
    instrument            TEXT NOT NULL,
    presenting_concern    TEXT NOT NULL,
    approach              TEXT NOT NULL,
    intake_quarter        TEXT NOT NULL,
    n_paired              BIGINT,
    effect_size_g         REAL,
    g_ci_low              REAL,
    g_ci_high             REAL,
    pct_reliably_improved REAL,
    suppressed            INTEGER NOT NULL,
    PRIMARY KEY (run_id, row_no)
);
