-- The staged runs' pseudonym index goes with the rows (see Stage_Clear).
DROP INDEX IF EXISTS ix_stage_admins_ref;
DELETE FROM stage_answers;
DELETE FROM stage_admins;
