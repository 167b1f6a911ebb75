-- As sql/common/Stage_Clear.sql, and the staged runs' pseudonym index goes until Stage_Prepare builds
-- it again for the next batch's runs.
DROP INDEX IF EXISTS temp.ix_stage_admins_ref;
DELETE FROM stage_episodes;
DELETE FROM stage_answers;
DELETE FROM stage_admins;
DELETE FROM stage_touched;
DELETE FROM stage_bad;
