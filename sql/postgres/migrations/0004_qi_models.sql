-- PostgreSQL twin of sql/sqlite/migrations/0004_qi_models.sql (QI models saved with an aggregate run).

CREATE TABLE qi_models (
    run_id          BIGINT NOT NULL,
    model_name      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    target          TEXT NOT NULL,
    features        TEXT NOT NULL,
    training_rows   INTEGER NOT NULL,
    training_groups INTEGER NOT NULL,
    folds           INTEGER NOT NULL,
    seed            INTEGER NOT NULL,
    cv_r_squared    DOUBLE PRECISION NOT NULL,
    cv_mae          DOUBLE PRECISION NOT NULL,
    cv_rmse         DOUBLE PRECISION NOT NULL,
    parameters      TEXT NOT NULL,
    model_zip       BYTEA NOT NULL,
    PRIMARY KEY (run_id, model_name)
);
