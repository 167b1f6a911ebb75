-- The staged runs' pseudonym index (in the temp schema, with its table), built once the batch's runs
-- are all staged: a sorted build. Kept up to date while staging, it would take each run's entry at a
-- random place (the pseudonym is a keyed hash) and, past the temp cache, read and write a temp page
-- per run. Stage_Clear and StageAnswers_Clear drop it before the next staging.
CREATE INDEX IF NOT EXISTS ix_stage_admins_ref ON stage_admins (administration_ref);
