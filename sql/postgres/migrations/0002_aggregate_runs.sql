-- PostgreSQL twin of sql/sqlite/migrations/0002_aggregate_runs.sql (versioned aggregate runs).

CREATE TABLE aggregate_runs (
    run_id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    run_id       BIGINT NOT NULL REFERENCES aggregate_runs (run_id),
    ordinal      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    batch_name   TEXT NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE aggregate_run_aggregates (
    run_id                    BIGINT NOT NULL REFERENCES aggregate_runs (run_id),
    row_no                    INTEGER NOT NULL,
    instrument                TEXT NOT NULL,
    presenting_concern        TEXT NOT NULL,
    approach                  TEXT NOT NULL,
    population                TEXT NOT NULL,
    n_episodes                BIGINT,
    n_paired                  BIGINT,
    baseline_mean             DOUBLE PRECISION,
    baseline_sd               DOUBLE PRECISION,
    final_mean                DOUBLE PRECISION,
    final_sd                  DOUBLE PRECISION,
    change_mean               DOUBLE PRECISION,
    change_sd                 DOUBLE PRECISION,
    r_pre_post                DOUBLE PRECISION,
    effect_size_g             DOUBLE PRECISION,
    g_ci_low                  DOUBLE PRECISION,
    g_ci_high                 DOUBLE PRECISION,
    n_reliably_improved       BIGINT,
    pct_reliably_improved     DOUBLE PRECISION,
    n_reliably_deteriorated   BIGINT,
    pct_reliably_deteriorated DOUBLE PRECISION,
    n_clinical_baseline       BIGINT,
    n_recovered               BIGINT,
    pct_recovered             DOUBLE PRECISION,
    n_reliably_recovered      BIGINT,
    pct_reliably_recovered    DOUBLE PRECISION,
    suppressed                INTEGER NOT NULL,
    PRIMARY KEY (run_id, row_no)
);

CREATE TABLE aggregate_run_trajectories (
    run_id             BIGINT NOT NULL REFERENCES aggregate_runs (run_id),
    row_no             INTEGER NOT NULL,
    instrument         TEXT NOT NULL,
    presenting_concern TEXT NOT NULL,
    approach           TEXT NOT NULL,
    session_number     INTEGER NOT NULL,
    n                  BIGINT,
    mean               DOUBLE PRECISION,
    sd                 DOUBLE PRECISION,
    ci_low             DOUBLE PRECISION,
    ci_high            DOUBLE PRECISION,
    suppressed         INTEGER NOT NULL,
    PRIMARY KEY (run_id, row_no)
);

CREATE TABLE aggregate_run_trends (
    run_id                BIGINT NOT NULL REFERENCES aggregate_runs (run_id),
    row_no                INTEGER NOT NULL,
    instrument            TEXT NOT NULL,
    presenting_concern    TEXT NOT NULL,
    approach              TEXT NOT NULL,
    intake_quarter        TEXT NOT NULL,
    n_paired              BIGINT,
    effect_size_g         DOUBLE PRECISION,
    g_ci_low              DOUBLE PRECISION,
    g_ci_high             DOUBLE PRECISION,
    pct_reliably_improved DOUBLE PRECISION,
    suppressed            INTEGER NOT NULL,
    PRIMARY KEY (run_id, row_no)
);
