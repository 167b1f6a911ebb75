-- Quality-improvement models, saved with the aggregate run whose data they were trained
-- on: the ML.NET model as mlContext.Model.Save writes it (a zip), what it predicts from what, its
-- cross-validated quality, and the parameters needed to use it as the report did (for the
-- expected trajectories: the not-on-track bound of every session band). A report, a job or a
-- notebook can reload exactly the model behind a published comparison.
-- run_id is aggregate_runs.run_id (migration 0002); no foreign key, so this migration does not
-- depend on the order in which 0002 and 0004 reach a store. No client data is stored here: the
-- models hold tree splits over scores and codes, never pseudonyms.

CREATE TABLE qi_models (
    run_id          INTEGER NOT NULL,
    model_name      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    target          TEXT NOT NULL,
    features        TEXT NOT NULL,
    training_rows   INTEGER NOT NULL,
    training_groups INTEGER NOT NULL,
    folds           INTEGER NOT NULL,
    seed            INTEGER NOT NULL,
    cv_r_squared    REAL NOT NULL,
    cv_mae          REAL NOT NULL,
    cv_rmse         REAL NOT NULL,
    parameters      TEXT NOT NULL,
    model_zip       BLOB NOT NULL,
    PRIMARY KEY (run_id, model_name)
);
