-- Administrations of the staged file whose rows disagree: computed once per file, then reported and removed.
CREATE TABLE stage_bad (
    administration_ref TEXT PRIMARY KEY,
    episode_differs    INTEGER NOT NULL,
    instrument_differs INTEGER NOT NULL,
    date_differs       INTEGER NOT NULL,
    session_differs    INTEGER NOT NULL,
    item_repeated      INTEGER NOT NULL
);
