-- The staged runs' pseudonym index goes with the rows until Stage_Prepare builds it again once the
-- next runs are all staged (one sorted build instead of an entry at a random place per run).
DROP INDEX IF EXISTS ix_stage_admins_ref;
DELETE FROM stage_episodes;
DELETE FROM stage_answers;
DELETE FROM stage_admins;
DELETE FROM stage_touched;
DELETE FROM stage_bad;
